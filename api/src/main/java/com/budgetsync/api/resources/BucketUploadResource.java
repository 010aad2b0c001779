package com.budgetsync.api.resources;

import com.budgetsync.api.auth.Caller;
import com.budgetsync.api.bucket.ProvidedBucket;
import com.budgetsync.api.errors.ApiException;
import com.budgetsync.api.views.BucketUploadUrl;
import com.budgetsync.api.views.Ids;
import io.dropwizard.auth.Auth;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Upload URLs into the bucket budget-sync hosts (docs/provided-bucket.md), for the admin or the customer's own key:
 * a customer drops files there without ever holding AWS credentials.
 */
@Path("/api/customers/{customerId}/bucket-upload-url")
@Produces(MediaType.APPLICATION_JSON)
public class BucketUploadResource {
    /** Null when this server has no provided bucket. */
    private final ProvidedBucket urls;

    public BucketUploadResource(ProvidedBucket urls) {
        this.urls = urls;
    }

    @POST
    public BucketUploadUrl bucketUploadUrl(@Auth Caller caller, @PathParam("customerId") @Pattern(
            regexp = Ids.CUSTOMER_PATTERN, message = Ids.CUSTOMER_MESSAGE) String customerId,
                                           @QueryParam("filename") String filename) {
        caller.checkCustomer(customerId);
        if (urls == null) {
            throw ApiException.conflict("this budget-sync hosts no bucket (S3_BUCKET_NAME is not set): drop files"
                    + " in your own bucket, on SFTP or upload them", null);
        }
        return urls.forUpload(customerId, filename);
    }
}
