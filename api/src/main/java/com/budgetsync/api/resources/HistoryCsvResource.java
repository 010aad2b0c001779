package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.views.HistoryQuery;
import com.budgetsync.api.views.SpreadsheetSafe;
import com.budgetsync.db.HistoryFilter;
import com.budgetsync.db.HistorySearch;
import com.budgetsync.domain.SyncRecord;
import com.budgetsync.domain.SyncStats;
import io.dropwizard.auth.Auth;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * GET /api/sync/history.csv: the run history with the list's filters, every matching run (no paging), newest
 * first, one row per run with its stats; text cells pass through {@link SpreadsheetSafe}.
 */
@Path("/api/sync/history.csv")
public class HistoryCsvResource {
    static final String[] HEADER = {"syncId", "configId", "status", "triggeredBy", "filename", "startTime", "endTime",
            "durationMs", "totalRows", "created", "updated", "unchanged", "softDeleted", "restored", "errors",
            "skipped", "message"};

    private final HistorySearch search;

    public HistoryCsvResource(HistorySearch search) {
        this.search = search;
    }

    @GET
    @Produces("text/csv")
    public Response export(@Auth Caller caller, @Valid @BeanParam HistoryQuery query) {
        HistoryFilter filter = query.filterFor(caller);
        StreamingOutput csv = out -> {
            try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
                search.forEach(filter, run -> print(printer, run));
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return Response.ok(csv, "text/csv; charset=utf-8").header("Content-Disposition",
                "attachment; filename=\"" + filter.customerId() + "-sync-history.csv\"").build();
    }

    private static void print(CSVPrinter printer, SyncRecord r) {
        SyncStats s = r.stats();
        try {
            printer.printRecord(r.syncId(), r.configId(), r.status().dbValue(), r.triggeredBy().dbValue(),
                    SpreadsheetSafe.cell(r.filename()), r.startTime(), r.endTime(), r.durationMs(), s.totalRows(),
                    s.created(), s.updated(), s.unchanged(), s.softDeleted(), s.restored(), s.errors(), s.skipped(),
                    SpreadsheetSafe.cell(r.message()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
