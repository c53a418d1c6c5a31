package dev.meetscope.models.parse;

/** One raw input file: its full path or URI (the lineage {@code source_file}) and its bytes. */
public record InputFile(String sourceFile, byte[] bytes) {}
