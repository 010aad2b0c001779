package com.budgetsync.api.views;

import java.util.Map;

/** A customer's aliases, as GET and PUT /api/customers/{id}/aliases answer them. */
public record AliasesView(String customerId, Map<String, String> departments, Map<String, String> subCategories) {
}
