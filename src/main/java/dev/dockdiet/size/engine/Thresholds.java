package dev.dockdiet.size.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * CI limits for {@code dockdiet image}; a null limit is not checked.
 *
 * @param maxSizeBytes fail when {@link ImageReport#totalBytes()} is larger
 * @param maxWastedBytes fail when {@link ImageReport#ownWastedBytes()} is larger: the wasted bytes less
 *     those inside the base image (known when a Dockerfile was matched), which no change to the
 *     Dockerfile removes
 * @param minEfficiency fail when {@link ImageReport#efficiency()} is lower (0..1)
 */
public record Thresholds(Long maxSizeBytes, Long maxWastedBytes, Double minEfficiency) {

    public Thresholds {
        if (minEfficiency != null && (minEfficiency < 0 || minEfficiency > 1 || minEfficiency.isNaN())) {
            throw new IllegalArgumentException("--min-efficiency must be between 0 and 1, got " + minEfficiency);
        }
        if (maxSizeBytes != null && maxSizeBytes < 0 || maxWastedBytes != null && maxWastedBytes < 0) {
            throw new IllegalArgumentException("size limits cannot be negative");
        }
    }

    public static Thresholds none() {
        return new Thresholds(null, null, null);
    }

    /** One line per exceeded limit, with the measured figure and the limit; empty when all pass. */
    public List<String> violations(ImageReport r) {
        List<String> out = new ArrayList<>();
        if (maxSizeBytes != null && r.totalBytes() > maxSizeBytes) {
            out.add(String.format(Locale.ROOT, "image size %s exceeds --max-size %s (%d > %d bytes)",
                    Sizes.human(r.totalBytes()), Sizes.human(maxSizeBytes), r.totalBytes(), maxSizeBytes));
        }
        long wasted = r.ownWastedBytes();
        if (maxWastedBytes != null && wasted > maxWastedBytes) {
            String base = r.baseWastedBytes() == null || r.baseWastedBytes() == 0 ? ""
                    : "; not counting " + Sizes.human(r.baseWastedBytes()) + " wasted inside the base image";
            out.add(String.format(Locale.ROOT, "wasted bytes %s exceed --max-wasted %s (%d > %d bytes%s)",
                    Sizes.human(wasted), Sizes.human(maxWastedBytes), wasted, maxWastedBytes, base));
        }
        if (minEfficiency != null && r.efficiency() < minEfficiency) {
            out.add(String.format(Locale.ROOT, "efficiency %.4f is below --min-efficiency %s",
                    r.efficiency(), minEfficiency.toString()));
        }
        return out;
    }
}
