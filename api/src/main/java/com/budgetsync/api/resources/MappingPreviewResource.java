package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.core.PreviewRunner;
import com.budgetsync.api.errors.ApiError;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.review.FilePreview;
import com.budgetsync.api.views.Ids;
import com.budgetsync.db.ConfigDao;
import com.budgetsync.db.CustomerDao;
import com.budgetsync.domain.ConfigOptions;
import com.budgetsync.domain.DataSourceConfig;
import com.budgetsync.parsing.FileContent;
import com.budgetsync.parsing.ReadOptions;
import com.budgetsync.parsing.UnreadableFileException;
import com.budgetsync.rows.MappingPreview;
import com.budgetsync.rows.MappingSettings;
import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What budget-sync would make of a file, without importing it: format, header row, mapping with confidence, reasons
 * and alternatives, the first normalised rows, skipped rows and row errors. With a configId, the config's pins,
 * threshold, sheet and default currency apply, exactly as in a run.
 */
@Path("/api/mapping/preview")
@Produces(MediaType.APPLICATION_JSON)
public class MappingPreviewResource {
    private static final Logger LOG = LoggerFactory.getLogger(MappingPreviewResource.class);
    private final ConfigDao configs;
    private final CustomerDao customers;
    private final long maxBytes;
    private final PreviewRunner runner;

    public MappingPreviewResource(ConfigDao configs, CustomerDao customers, long maxBytes, PreviewRunner runner) {
        this.configs = configs;
        this.customers = customers;
        this.maxBytes = maxBytes;
        this.runner = runner;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @RequestBody(description = "the file's bytes (CSV or Excel)",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "200", description = "the mapping the file would get, nothing imported",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = MappingPreview.class)))
    @ApiResponse(responseCode = "413", description = "the file is larger than the upload limit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "415", description = "the content type is not a file's",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "422", description = "the file cannot be read, or not within the time limit",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    @ApiResponse(responseCode = "503", description = "every preview slot is reading a file; try again shortly",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ApiError.class)))
    public void preview(@Suspended AsyncResponse response, @Auth Caller caller, @QueryParam("customerId") @NotNull
                                  @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
                                  @QueryParam("filename") @NotNull @Size(max = 255) String filename,
                                  @QueryParam("configId") Long configId,
                                  @Context HttpHeaders headers,
                                  @Parameter(hidden = true) InputStream body) throws IOException {
        read(response, caller, customerId, filename, configId, headers, body, (file, options, read, fiscalYearStart) ->
                MappingPreview.of(file, read, MappingSettings.options(options),
                        MappingSettings.normalize(options, fiscalYearStart)));
    }

    /** The same, with the header and first rows as the file has them: the console's grid. */
    @POST
    @Path("/grid")
    @Consumes(MediaType.WILDCARD)
    @RequestBody(description = "the file's bytes (CSV or Excel)",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "200", description = "the header and first rows as the file has them, and the preview",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FilePreview.class)))
    public void grid(@Suspended AsyncResponse response, @Auth Caller caller, @QueryParam("customerId") @NotNull
                            @Pattern(regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
                            @QueryParam("filename") @NotNull @Size(max = 255) String filename,
                            @QueryParam("configId") Long configId,
                            @Context HttpHeaders headers,
                            @Parameter(hidden = true) InputStream body) throws IOException {
        read(response, caller, customerId, filename, configId, headers, body, FilePreview::of);
    }

    private interface FileReading<T> {
        T read(FileContent file, ConfigOptions options, ReadOptions read, int fiscalYearStartMonth) throws IOException;
    }

    /**
     * The body is spooled here, on the request thread (Excel files are zip archives read from their end); reading
     * it is the preview pool's work ({@link PreviewRunner}), bounded in time and in files at once.
     */
    private <T> void read(AsyncResponse response, Caller caller, String customerId, String filename, Long configId,
                          HttpHeaders headers, InputStream body, FileReading<T> reading) throws IOException {
        caller.checkCustomer(customerId);
        InputStream file = FileContentTypes.checked(headers.getMediaType(), body);
        DataSourceConfig config = configId == null ? null : configs.getOfCustomer(customerId, configId);
        ConfigOptions options = config == null ? ConfigOptions.DEFAULTS : config.options();
        ReadOptions read = config == null ? ReadOptions.DEFAULT : MappingSettings.read(config);
        int fiscalYearStart = customers.fiscalYearStartMonth(customerId);
        java.nio.file.Path spool = Files.createTempFile("budget-sync-preview-", ".upload");
        try {
            copyCapped(file, spool, filename);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(spool);
            throw e;
        }
        runner.answer(response, filename, () -> inWords(filename, customerId,
                () -> reading.read(FileContent.of(filename, spool), options, read, fiscalYearStart)), () -> {
                    try {
                        Files.deleteIfExists(spool);
                    } catch (IOException e) {
                        LOG.warn("preview spool {} not deleted", spool, e);
                    }
                });
    }

    private interface Reading<T> {
        T call() throws IOException;
    }

    private static <T> T inWords(String filename, String customerId, Reading<T> reading) {
        try {
            return reading.call();
        } catch (UnreadableFileException e) {
            throw new ApiException(422, e.getMessage());
        } catch (ApiException | WebApplicationException e) {
            throw e;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            // a library's own failure on a hostile file: the person gets words, the log the details
            LOG.warn("preview of {} for customer {} failed", filename, customerId, e);
            throw new ApiException(422, filename + ": could not be read: it is damaged or in a form this service"
                    + " does not read; open it in the spreadsheet program and save or export it again");
        }
    }

    private void copyCapped(InputStream body, java.nio.file.Path target, String filename) throws IOException {
        try (OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            for (int n; (n = body.read(buffer)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new ApiException(413, filename + " is larger than the limit of " + maxBytes + " bytes");
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
