package dev.meetscope.transforms.sink.bigquery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BigQueryDatasetTest {

  @Test
  void acceptsColonDotAndDomainScopedProjects() {
    assertEquals(new BigQueryDataset("acme-analytics", "meetscope"), BigQueryDataset.parse("acme-analytics:meetscope"));
    assertEquals(new BigQueryDataset("acme-analytics", "meet_scope2"),
        BigQueryDataset.parse(" acme-analytics.meet_scope2 "));
    assertEquals(new BigQueryDataset("example.com:acme-analytics", "meetscope"),
        BigQueryDataset.parse("example.com:acme-analytics:meetscope"));
  }

  @Test
  void namesTablesAndPartitions() {
    BigQueryDataset d = BigQueryDataset.parse("acme-analytics:meetscope");
    assertEquals("acme-analytics:meetscope.meeting", d.tableSpec("meeting"));
    assertEquals("acme-analytics:meetscope.meeting$20260302",
        BigQueryTables.partitionSpec(d, "meeting", java.time.LocalDate.of(2026, 3, 2)));
  }

  @Test
  void aMissingDatasetSaysWhichOptionToGive() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BigQueryDataset.parse(" "));
    assertEquals("--sink=bigquery needs --bigQueryDataset=project:dataset (for example acme-analytics:meetscope)",
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> BigQueryDataset.parse(null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"meetscope", "acme-analytics:", ":meetscope", "Acme-Analytics:meetscope",
      "abc:meetscope", "acme-analytics:meet-scope", "acme-analytics:meetscope.table", "1acme-analytics:ds",
      "acme-analytics-:ds", "gs://bucket/ds"})
  void malformedSpecsAreRejectedWithTheRules(String spec) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BigQueryDataset.parse(spec));
    assertTrue(e.getMessage().startsWith("--bigQueryDataset must be project:dataset"), e.getMessage());
    assertTrue(e.getMessage().endsWith("(got '" + spec + "')"), e.getMessage());
  }
}
