package com.budgetsync.api.cli;

import com.budgetsync.api.views.SyncView;
import com.budgetsync.domain.RowError;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;

/**
 * The text sync-file prints: the mapping (field ← column, confidence, reason), the questions of a run held for review,
 * then the run's stats and errors.
 */
final class SyncReport {
    private static final List<String> FIELDS = List.of("department", "fiscalPeriod", "amount", "subCategory", "currency");

    private SyncReport() {
    }

    static String text(SyncView run) {
        StringBuilder out = new StringBuilder();
        out.append("\nsync ").append(run.syncId()).append("  workflow ").append(run.workflowId()).append('\n');
        out.append("file ").append(run.filename()).append('\n');
        JsonNode mapping = run.mapping();
        if (mapping != null) {
            out.append("\nmapping (").append(mapping.path("layout").asText("long")).append(" layout)\n");
            for (String field : FIELDS) {
                JsonNode f = mapping.get(field);
                if (f == null || f.isNull()) {
                    out.append(String.format(Locale.ROOT, "  %-13s ← (none)%n", field));
                    continue;
                }
                String column = f.has("column") && !f.get("column").isNull() ? "'" + f.get("column").asText() + "'"
                        : f.path("columns").size() + " period columns " + f.path("columns");
                out.append(String.format(Locale.ROOT, "  %-13s ← %-24s %.2f  %s%n", field, column,
                        f.path("confidence").asDouble(), f.path("reason").asText()));
            }
        }
        JsonNode questions = run.reviewQuestions();
        if (questions != null && !questions.isEmpty()) {
            out.append("\nto decide before this file imports (pin the answers in the config's options.pins):\n");
            questions.forEach(q -> out.append("  ").append(q.path("field").asText()).append(": ")
                    .append(q.path("question").asText()).append('\n'));
        }
        var s = run.stats();
        out.append("\nstatus ").append(run.status()).append(run.message() == null ? "" : " — " + run.message()).append('\n');
        out.append(String.format(Locale.ROOT,
                "rows %d  created %d  updated %d  unchanged %d  soft-deleted %d  restored %d  errors %d  skipped %d%n",
                s.totalRows(), s.created(), s.updated(), s.unchanged(), s.softDeleted(), s.restored(), s.errors(),
                s.skipped()));
        run.warnings().forEach(w -> out.append("warning: ").append(w).append('\n'));
        for (RowError e : run.errors().subList(0, Math.min(20, run.errors().size()))) {
            out.append(String.format(Locale.ROOT, "row %d, column '%s', value '%s': %s%n", e.row(), e.column(),
                    e.value(), e.message()));
        }
        return out.toString();
    }
}
