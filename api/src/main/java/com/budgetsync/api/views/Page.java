package com.budgetsync.api.views;

import java.util.List;

/** A page of a list: the items, how many there are in all, and where this page starts. */
public record Page<T>(List<T> items, long total, int limit, int offset) {
}
