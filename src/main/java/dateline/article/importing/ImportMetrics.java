package dateline.article.importing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * Import throughput for operators: lines imported, by outcome, counted as each chunk is written (so the
 * rate shows during a long import, not only after it). Dry runs store nothing and count nothing.
 */
@ApplicationScoped
@Startup // so the series exist from start, at zero
public class ImportMetrics {
    private final Map<ImportReport.Outcome, Counter> lines = new EnumMap<>(ImportReport.Outcome.class);

    ImportMetrics(MeterRegistry registry) {
        for (ImportReport.Outcome outcome : ImportReport.Outcome.values()) {
            lines.put(outcome, Counter.builder("dateline.import.lines").description("Lines of NDJSON imports by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry));
        }
    }

    void imported(ImportReport.Outcome outcome) {
        lines.get(outcome).increment();
    }
}
