package com.budgetsync.worker;

import com.budgetsync.worker.workflow.ActivityProfiles;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every activity's unexpected exception leaves the worker in words ({@link FailureCatalogue}) with the right retry
 * decision; the exception itself, with its library text and stack, is logged here for ops.
 */
public final class FailureTranslation extends WorkerInterceptorBase {
    private static final Logger LOG = LoggerFactory.getLogger(FailureTranslation.class);

    @Override
    public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
        return new ActivityInboundCallsInterceptorBase(next) {
            private ActivityExecutionContext context;

            @Override
            public void init(ActivityExecutionContext context) {
                this.context = context;
                super.init(context);
            }

            @Override
            public ActivityOutput execute(ActivityInput input) {
                try {
                    return super.execute(input);
                } catch (ActivityCompletionException e) {
                    throw e;
                } catch (ApplicationFailure ours) {
                    throw capped(ours);
                } catch (RuntimeException e) {
                    String type = context.getInfo().getActivityType();
                    ApplicationFailure failure = FailureCatalogue.translate(type, e);
                    LOG.warn("activity {} (attempt {}) of workflow {} failed; reported as \"{}\"", type,
                            context.getInfo().getAttempt(), context.getInfo().getWorkflowId(),
                            failure.getOriginalMessage(), e);
                    throw capped(failure);
                }
            }

            /**
             * Only a database that is away gets the database steps' extra attempts: anything else stops after the
             * ordinary number, as it would in the other steps.
             */
            private ApplicationFailure capped(ApplicationFailure failure) {
                boolean ordinaryAttemptsUsed = context.getInfo().getAttempt() >= ActivityProfiles.ORDINARY_ATTEMPTS;
                if (failure.isNonRetryable() || !ordinaryAttemptsUsed
                        || FailureCatalogue.DATABASE_UNAVAILABLE.equals(failure.getType())) {
                    return failure;
                }
                return ApplicationFailure.newNonRetryableFailureWithCause(failure.getOriginalMessage(),
                        failure.getType(), failure.getCause());
            }
        };
    }
}
