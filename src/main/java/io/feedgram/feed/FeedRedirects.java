package io.feedgram.feed;

import java.net.URI;

import io.feedgram.system.PrivateAddressGuard;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.DefaultRedirectStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.springframework.stereotype.Component;

/**
 * The feed endpoint's redirect handling (its {@code httpClientConfigurer}): HttpClient's own, with
 * every hop's target put to the {@link PrivateAddressGuard} before it is requested, so a public feed
 * cannot bounce Feedgram onto a private address. HttpClient keeps bounding the hops and refusing loops.
 */
@Component("feedRedirects")
public class FeedRedirects implements HttpClientConfigurer {

    private final PrivateAddressGuard guard;

    public FeedRedirects(PrivateAddressGuard guard) {
        this.guard = guard;
    }

    @Override
    public void configureHttpClient(HttpClientBuilder builder) {
        builder.setRedirectStrategy(new DefaultRedirectStrategy() {
            @Override
            public URI getLocationURI(HttpRequest request, HttpResponse response, HttpContext context) throws HttpException {
                URI next = super.getLocationURI(request, response, context);
                guard.check(next, "the feed's redirect to " + next);
                return next;
            }
        });
    }
}
