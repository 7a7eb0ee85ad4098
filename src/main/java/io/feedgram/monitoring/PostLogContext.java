package io.feedgram.monitoring;

import io.feedgram.post.Post;
import org.apache.camel.AsyncCallback;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Processor;
import org.apache.camel.spi.InterceptStrategy;
import org.apache.camel.support.processor.DelegateAsyncProcessor;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the post's id and account into the log context ({@value #POST_ID}, {@value #ACCOUNT}) before every
 * step of a route that carries a post, as the variable {@code post} or as the body, so that every line
 * logged about it names them; Camel adds the route ({@code camel.routeId}, {@code camel.main.use-mdc-logging}).
 * The keys are listed in {@code camel.main.mdc-logging-keys-pattern}, so Camel carries them across
 * threads and clears them when the exchange is done.
 */
@Component
public class PostLogContext implements InterceptStrategy {

    public static final String POST_ID = "postId";
    public static final String ACCOUNT = "account";

    @Override
    public Processor wrapProcessorInInterceptors(CamelContext context, NamedNode definition, Processor target,
                                                 Processor nextTarget) {
        return new DelegateAsyncProcessor(target) {
            @Override
            public boolean process(Exchange exchange, AsyncCallback callback) {
                Post post = exchange.getVariable("post") instanceof Post claimed ? claimed
                        : exchange.getMessage().getBody() instanceof Post body ? body : null;
                if (post == null) {
                    MDC.remove(POST_ID);
                    MDC.remove(ACCOUNT);
                } else {
                    MDC.put(POST_ID, post.id());
                    MDC.put(ACCOUNT, post.accountId());
                }
                return super.process(exchange, callback);
            }
        };
    }
}
