package dev.dockdiet.rule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void writesWhatStringFormatWrites() {
        Random r = new Random(7);
        double[] edges = {0, -0.0, 0.05, 0.15, 0.25, 0.35, 0.45, 1.05, 2.5, 9.95, 9.949999, 10.5, 99.5, 1e-9, 123456789.45,
            -0.04, -0.05, -1.25, 1e21, 408.4, 0.95};
        for (double v : edges) {
            check(v);
        }
        for (int i = 0; i < 100_000; i++) {
            check(r.nextInt(1_000_000_000) / 1e6);
            check(r.nextDouble() * 1000);
            check(Math.round(r.nextDouble() * 10_000) / 100.0 + 0.05);
        }
    }

    private static void check(double v) {
        for (int d = 0; d <= 2; d++) {
            assertThat(Decimals.fixed(v, d)).as("%s with %d decimals", v, d)
                    .isEqualTo(String.format(Locale.ROOT, "%." + d + "f", v));
        }
    }
}
