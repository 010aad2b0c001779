package com.budgetsync.mapping;

import com.budgetsync.parsing.DataRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * First version of the mapper: header synonyms with Levenshtein similarity for typos. Each field takes the best
 * free column in order of confidence, so one column never feeds two fields.
 */
public final class ColumnMapper {
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();

    public MappingResult map(List<String> headers, List<DataRow> sample, MappingOptions options) {
        Map<TargetField, FieldMapping> chosen = new EnumMap<>(TargetField.class);
        Set<Integer> taken = new HashSet<>();
        options.pins().forEach((column, field) -> {
            int index = indexOf(headers, column);
            if (index >= 0) {
                chosen.put(field, FieldMapping.single(headers.get(index), index, 1.0,
                        "pinned in the config", List.of()));
                taken.add(index);
            }
        });
        List<Candidate> candidates = new ArrayList<>();
        for (TargetField field : TargetField.values()) {
            for (int i = 0; i < headers.size(); i++) {
                candidates.add(score(field, headers.get(i), i));
            }
        }
        candidates.sort(Comparator.comparingDouble(Candidate::score).reversed());
        for (Candidate c : candidates) {
            if (c.score < 0.5 || chosen.containsKey(c.field) || taken.contains(c.index)) {
                continue;
            }
            List<Alternative> alternatives = candidates.stream()
                    .filter(o -> o.field == c.field && o.index != c.index && o.score >= 0.3)
                    .limit(3).map(o -> new Alternative(headers.get(o.index), round(o.score))).toList();
            chosen.put(c.field, FieldMapping.single(headers.get(c.index), c.index, round(c.score), c.reason, alternatives));
            taken.add(c.index);
        }
        List<String> problems = new ArrayList<>();
        for (TargetField field : TargetField.values()) {
            FieldMapping m = chosen.get(field);
            if (field.required() && m == null) {
                problems.add("no column found for required field " + field.jsonName());
            } else if (field.required() && m.confidence() < options.threshold()) {
                problems.add(field.jsonName() + " ← '" + m.column() + "' has confidence " + m.confidence()
                        + " below the threshold " + options.threshold());
            }
        }
        return new MappingResult(ColumnMapping.of(Layout.LONG, chosen), !problems.isEmpty(), problems);
    }

    private static Candidate score(TargetField field, String header, int index) {
        String normalized = HeaderNames.normalize(header);
        double best = 0;
        String bestSynonym = null;
        for (String synonym : Synonyms.BY_FIELD.get(field)) {
            double similarity = similarity(normalized, synonym);
            if (similarity > best) {
                best = similarity;
                bestSynonym = synonym;
            }
        }
        String reason = best >= 1.0
                ? "header '" + header + "' = synonym '" + bestSynonym + "'"
                : "header '" + header + "' ≈ synonym '" + bestSynonym + "' (" + String.format(Locale.ROOT, "%.2f", best) + ")";
        return new Candidate(field, index, best, reason);
    }

    private static double similarity(String a, String b) {
        if (a.isEmpty()) {
            return 0;
        }
        int distance = LEVENSHTEIN.apply(a, b);
        return 1.0 - (double) distance / Math.max(a.length(), b.length());
    }

    private static int indexOf(List<String> headers, String column) {
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).trim().equalsIgnoreCase(column.trim())) {
                return i;
            }
        }
        return -1;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private record Candidate(TargetField field, int index, double score, String reason) {
    }
}
