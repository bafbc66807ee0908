package io.streampulse.monitor.probe.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FramePolicyTest {

    @ParameterizedTest(name = "mean {0}, variance {1}, same {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // lens cap, dead IR: dark and flat
        "3     | 4     | 1 | black picture (mean luma 3)",
        "16    | 0     | 1 | black picture (mean luma 16)",
        "19.4  | 99    | 1 | black picture (mean luma 19)",
        // a dark street with lamps is dark but not flat
        "15    | 900   | 1 | -",
        "25    | 40    | 1 | -",
        // no-signal screens: one colour, any brightness
        "128   | 1     | 1 | blank picture (uniform colour)",
        "235   | 15.9  | 1 | blank picture (uniform colour)",
        "128   | 16    | 1 | -",
        // a real scene, repeated exactly
        "110   | 2500  | 2 | -",
        "110   | 2500  | 3 | frozen: the picture has not changed in 3 frame checks",
        "110   | 2500  | 8 | frozen: the picture has not changed in 8 frame checks",
        // black wins over frozen: the reason a person can act on first
        "2     | 1     | 9 | black picture (mean luma 2)",
    })
    void problem_pictureStats_reason(double mean, double variance, int sameChecks, String reason) {
        FrameStats stats = new FrameStats(mean, variance, 0L, 0L);

        assertEquals(Optional.ofNullable(reason), FramePolicy.problem(stats, sameChecks, 3));
    }
}
