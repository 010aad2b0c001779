package com.budgetsync.mapping;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Header words each field goes by in FP&A exports (normalised form, see {@link HeaderNames}), each with a weight:
 * the field's own names weigh 1.0, words that usually but not always mean it ("Entity", "Group") weigh less, so a
 * file with both a "Department" and an "Entity" column is not ambiguous.
 */
final class Synonyms {
    private static final double SECONDARY = 0.85;

    static final Map<TargetField, Map<String, Double>> BY_FIELD = Map.of(
            TargetField.DEPARTMENT, weighted(
                    "department|departments|dept|depts|dept name|department name|dept code|department code|division"
                            + "|div|division name|team|team name|business unit|bu|business unit name|cost center"
                            + "|cost centre|cost ctr|cost center name|cost centre name|cost center code|org|org unit"
                            + "|organization|organisation|organizational unit|organisational unit|department level"
                            + "|responsibility center|profit center|profit centre|functional area|dept id",
                    "entity|entity name|legal entity|unit|group|function|segment|branch|level|area|section|practice"
                            + "|sector|company|operating unit|org level|office|cc"),
            TargetField.FISCAL_PERIOD, weighted(
                    "fiscal period|period|periods|fy|fiscal year|year|years|yr|fiscal yr|time|time period|month"
                            + "|quarter|qtr|when|budget period|fiscal month|fiscal quarter|reporting period"
                            + "|planning period|accounting period|period name|month year|year month|posting period"
                            + "|budget year|plan year|plan period|fiscper|fiscal|fp|timeid|time id|budget month"
                            + "|fiscal period name|calendar month|fiscal year period",
                    "date|as of date|effective date|period start|start date|timeframe|time frame|cycle|horizon"),
            TargetField.AMOUNT, weighted(
                    "budget amount|amount|amt|budget|budgets|budgeted|budgeted amount|budget amt|budget value"
                            + "|plan|plan amount|planned|planned amount|plan value|allocated|allocation|allocated amount"
                            + "|forecast|forecast amount|total budget|budget total|annual budget|approved budget"
                            + "|approved amount|budget usd|amount usd|signeddata|signed data|net amount|local amount"
                            + "|proposed budget|revised budget|working budget|final budget|opex budget|capex budget"
                            + "|estimate|estimated amount|spend limit|budget lc",
                    "value|data|measure|measure value|sum|total|total amount|figure|cost|costs|target|cap"),
            TargetField.SUB_CATEGORY, weighted(
                    "sub category|subcategory|sub cat|subcat|sub categories|category|account|account name|gl account"
                            + "|gl account name|general ledger account|ledger account|expense type|expense category"
                            + "|line item|budget line|budget line item|cost type|cost element|cost category"
                            + "|spend category|expense line|natural account|account description|budget category"
                            + "|gl category|account group|expense|expense account|category name|sub type|subtype",
                    "cat|gl|item|line|type|class|classification|nature|purpose|program|project|activity|description"),
            TargetField.CURRENCY, weighted(
                    "currency|currencies|ccy|cur|curr|currency code|curr code|ccy code|iso currency|iso code"
                            + "|currency iso|currency iso code|currency id|reporting currency|rpt currency|rptcurrency"
                            + "|local currency|transaction currency|txn currency|trans currency|document currency"
                            + "|doc currency|functional currency|base currency|entity currency|budget currency"
                            + "|plan currency|input currency|presentation currency|currency unit|currency type"
                            + "|cur code|crncy|crcy|waers|curr cd|ccy cd|cur iso|input ccy|currency name",
                    "lc|money|denomination|currency symbol"));

    /** Words that name something a budget amount is not (actuals, variances, identifiers, counts). */
    static final List<String> NOT_AMOUNT = List.of("actual", "actuals", "act", "variance", "var", "diff", "difference",
            "delta", "prior", "previous", "last year", "ly", "py", "spent", "committed", "encumbered", "remaining",
            "balance", "percent", "pct", "id", "code", "number", "no", "headcount", "fte", "qty", "quantity", "units",
            "rate", "ratio");

    /** Headers of actual-spend columns, which exports often put right beside the budget. */
    static final List<String> ACTUALS = List.of("actual", "actuals", "actual amount", "actual spend", "actual cost",
            "actuals amount", "ytd actual", "actual ytd", "spent", "spend");

    /** Words of free-text columns that never hold a department or category. */
    static final List<String> FREE_TEXT = List.of("notes", "note", "comment", "comments", "memo", "remarks", "owner",
            "approver", "approved by", "prepared by", "status", "email", "scenario", "version");

    private Synonyms() {
    }

    private static Map<String, Double> weighted(String primary, String secondary) {
        Map<String, Double> words = new LinkedHashMap<>();
        Arrays.stream(primary.split("\\|")).forEach(w -> words.put(w, 1.0));
        Arrays.stream(secondary.split("\\|")).forEach(w -> words.putIfAbsent(w, SECONDARY));
        // Insertion order, so that equally good synonyms are always reported the same way.
        return Collections.unmodifiableMap(words);
    }
}
