package dev.meetscope.transforms.zoomapi;

import java.time.Instant;

/**
 * One entry of a recording's {@code recording_files[]}.
 *
 * @param fileSize bytes, null when Zoom gives none (CC and TB entries have no {@code file_size})
 * @param status {@code completed}, {@code processing}, or null when absent
 */
public record RecordingFile(String id, String fileType, Instant recordingStart, Long fileSize,
    String downloadUrl, String status) {}
