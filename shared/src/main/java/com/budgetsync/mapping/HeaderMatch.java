package com.budgetsync.mapping;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * How strongly a header names a field: 1.0 for a synonym, less for a synonym inside a longer header ("Budget Amount
 * USD") or a typo ("Departmnet", "Bugdet Amt" — the mean of Levenshtein and Jaro-Winkler similarity), low for a header
 * that names something else ("Actual", "Notes").
 */
record HeaderMatch(double score, String explanation) {
    private static final LevenshteinDistance LEVENSHTEIN = LevenshteinDistance.getDefaultInstance();
    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
    private static final double CONTAINED = 0.9;
    private static final double TYPO_FLOOR = 0.8;
    private static final double NAMES_SOMETHING_ELSE = 0.2;

    static final HeaderMatch NONE = new HeaderMatch(0, null);

    static HeaderMatch of(TargetField field, String header) {
        String name = HeaderNames.normalize(header);
        if (name.isEmpty()) {
            return NONE;
        }
        String other = namesSomethingElse(field, name);
        if (other != null) {
            return new HeaderMatch(NAMES_SOMETHING_ELSE, "header '" + header + "' names " + other);
        }
        HeaderMatch best = NONE;
        for (Map.Entry<String, Double> synonym : Synonyms.BY_FIELD.get(field).entrySet()) {
            HeaderMatch match = match(header, name, synonym.getKey(), synonym.getValue());
            if (match.score > best.score) {
                best = match;
            }
        }
        return best;
    }

    private static HeaderMatch match(String header, String name, String synonym, double weight) {
        if (name.equals(synonym)) {
            return new HeaderMatch(weight, "header '" + header + "' = synonym '" + synonym + "'");
        }
        if ((" " + name + " ").contains(" " + synonym + " ")) {
            return new HeaderMatch(weight * CONTAINED, "header '" + header + "' contains synonym '" + synonym + "'");
        }
        if (name.length() < 4 || synonym.length() < 4) {
            return NONE;
        }
        double levenshtein = 1.0 - (double) LEVENSHTEIN.apply(name, synonym) / Math.max(name.length(), synonym.length());
        double similarity = (levenshtein + JARO_WINKLER.apply(name, synonym)) / 2;
        if (similarity < TYPO_FLOOR) {
            return NONE;
        }
        return new HeaderMatch(weight * similarity, "header '" + header + "' ≈ synonym '" + synonym + "' ("
                + String.format(Locale.ROOT, "%.2f", similarity) + ")");
    }

    private static String namesSomethingElse(TargetField field, String name) {
        List<String> words = switch (field) {
            case AMOUNT -> Synonyms.NOT_AMOUNT;
            case DEPARTMENT, SUB_CATEGORY -> Synonyms.FREE_TEXT;
            default -> List.of();
        };
        String padded = " " + name + " ";
        return words.stream().filter(w -> padded.contains(" " + w + " ")).findFirst()
                .map(w -> "'" + w + "', not " + field.jsonName()).orElse(null);
    }
}
