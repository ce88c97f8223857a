package io.github.bddreplay.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fingerprint's arithmetic and the window rule, in DuckDB. */
class FingerprintTest {
  @Test
  void theModuliArePrimesBelowTwoToThe31() {
    for (long p : Fingerprint.PRIMES) {
      assertTrue(BigInteger.valueOf(p).isProbablePrime(100), p + " is prime");
      assertTrue(p < (1L << 31), p + " < 2^31, so a product of two residues fits 64 bits");
    }
  }

  @Test
  void equalMultisetsInAnyOrderHaveOneFingerprintAndADoubledRowChangesIt() throws Exception {
    try (DuckDb db = DuckDb.open()) {
      db.execute(
          "CREATE TABLE a AS SELECT * FROM (VALUES ('u', 1, 'x'), ('u', 2, 'y'), ('u', 2, 'y')) t(uuid, ts, v)");
      db.execute(
          "CREATE TABLE b AS SELECT * FROM (VALUES ('u', 2, 'y'), ('u', 1, 'x'), ('u', 2, 'y')) t(uuid, ts, v)");
      db.execute(
          "CREATE TABLE c AS SELECT * FROM (VALUES ('u', 2, 'y'), ('u', 1, 'x'), ('u', 1, 'x')) t(uuid, ts, v)");
      assertEquals(fingerprint(db, "a"), fingerprint(db, "b"));
      assertNotEquals(fingerprint(db, "a"), fingerprint(db, "c"));
    }
  }

  @Test
  void windowsStartAtMultiplesOfFifteenSecondsBeforeNineteenSeventyToo() throws Exception {
    try (DuckDb db = DuckDb.open()) {
      assertEquals(15_000_000L, db.queryLong("SELECT " + Sql.windowStart("29999999::BIGINT")));
      assertEquals(30_000_000L, db.queryLong("SELECT " + Sql.windowStart("30000000::BIGINT")));
      assertEquals(-15_000_000L, db.queryLong("SELECT " + Sql.windowStart("(-1)::BIGINT")));
    }
  }

  private static String fingerprint(DuckDb db, String table) throws SQLException {
    return db.query(
            Fingerprint.perKey(table + " t", "t.uuid", "0", "0", List.of("hash(t.ts, t.v)")),
            row -> row.getLong("n") + "/" + row.getString("fp0") + "/" + row.getString("fp1"))
        .get(0);
  }
}
