package com.budgetsync.mapping;

/**
 * One column's case for one field: the combined score, the header's part of it (and whether the header is the
 * field's own name), how many distinct values it holds, and the reason in words.
 */
record Candidate(TargetField field, int index, double score, double headerScore, boolean exactHeader, double fit,
                 int distinct, String reason) {
    static final double HEADER_WEIGHT = 0.5;
    private static final double CURRENCY_HEADER_WEIGHT = 0.3;
    static final double OWN_NAME = 0.88;
    private static final double EXACT_FIT = 0.9;
    private static final double IDENTIFIER_FACTOR = 0.8;
    /** Below what a required field accepts: such a column never wins the amount, nor rivals the one that does. */
    private static final double NOT_AMOUNT_CAP = 0.2;

    static Candidate of(TargetField field, String header, int index, ColumnProfile profile) {
        HeaderMatch match = HeaderMatch.of(field, header);
        String identifier = field == TargetField.DEPARTMENT || field == TargetField.SUB_CATEGORY
                ? Lexicon.wordIn(Lexicon.IDENTIFIER, HeaderNames.normalize(header)) : null;
        if (identifier != null && match.score() > 0 && profile.codes() >= profile.labels() && profile.labelled()) {
            // "Agency Code" holding codes beside "Agency Name": the name is the department, the code identifies it.
            // Without its label column ("Dept Number" alone) the code is what the file names the department by.
            match = new HeaderMatch(match.score() * IDENTIFIER_FACTOR, match.explanation() + ", an identifier ('"
                    + identifier + "')");
        }
        double fit = field == TargetField.AMOUNT ? profile.amountFit(match.score() >= OWN_NAME) : profile.fit(field);
        // One value all the way down is weak evidence of a department or category column, unless the header says so
        // in the field's own words (a file of one ministry still names its "Ministry").
        if ((field == TargetField.DEPARTMENT || field == TargetField.SUB_CATEGORY) && profile.values() >= 4
                && profile.distinct() == 1 && match.score() < OWN_NAME) {
            fit *= 0.5;
        }
        double score;
        if (Double.isNaN(fit)) {
            score = match.score();
        } else {
            double headerWeight = field == TargetField.CURRENCY ? CURRENCY_HEADER_WEIGHT : HEADER_WEIGHT;
            score = headerWeight * match.score() + (1 - headerWeight) * fit;
            // Values outweigh the header: a "Period" column full of names is no period column.
            if (fit < 0.5) {
                score = Math.min(score, fit);
            }
        }
        // A header naming an identifier, a count or an earlier year ("Org Code", "numero_empenho", "Previous Year
        // Revised") is no amount whatever its values: codes and last year's figures are numbers too.
        if (field == TargetField.AMOUNT && Lexicon.wordIn(Lexicon.NOT_AMOUNT, HeaderNames.normalize(header)) != null) {
            score = Math.min(score, NOT_AMOUNT_CAP);
        }
        // Likewise free text and counterparties ("Notes", "Supplier") are never who holds a budget, nor its line.
        if ((field == TargetField.DEPARTMENT || field == TargetField.SUB_CATEGORY)
                && Lexicon.wordIn(Lexicon.FREE_TEXT, HeaderNames.normalize(header)) != null) {
            score = Math.min(score, NOT_AMOUNT_CAP);
        }
        String headerPart = match.explanation() == null ? "header '" + header + "' names no known synonym"
                : match.explanation();
        String valuesPart = profile.describe(field);
        if (field == TargetField.AMOUNT && match.score() >= OWN_NAME && profile.identifiers().identifier() > 0
                && profile.identifiers().identifier() < 1) {
            valuesPart += " (weak evidence; the amount header outweighs it)";
        }
        return new Candidate(field, index, Math.max(0, score), match.score(), match.exact(), fit, profile.distinct(),
                headerPart + "; " + valuesPart);
    }

    /**
     * The score candidates are ranked by: a header that is the field's own name, over values that fit, comes before a
     * looser one of about the same score, so "Department" beats "Entity" and "Amount" beats a code column instead of
     * tying with them (but "Capítulo" holding codes does not beat "Descripción" holding the names).
     */
    double rank(double margin) {
        return score + (exactHeader && !(fit < EXACT_FIT) ? margin : 0);
    }

    Candidate withReason(String more) {
        return new Candidate(field, index, score, headerScore, exactHeader, fit, distinct, reason + "; " + more);
    }
}
