package io.feedgram.sandbox;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The Graph hosts under {@code /sandbox/graph.instagram.com} and {@code /sandbox/graph.facebook.com},
 * versioned or not. Authenticates, applies whole-call faults, routes to the publishing surface and
 * wraps every answer in Graph's headers and error envelope (docs/instagram.md#errors).
 */
@RestController
@ConditionalOnProperty(prefix = "feedgram.sandbox", name = "enabled", havingValue = "true")
final class GraphSandboxController {

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");
    private static final String JSON_UTF8 = "application/json; charset=UTF-8";

    private final GraphRequestReader reader;
    private final SandboxTokens tokens;
    private final SandboxFaults faults;
    private final ContainerCreation creation;
    private final MediaPublishing publishing;
    private final GraphReads reads;
    private final MediaListing listing;
    private final UsageMeter usage;
    private final SandboxClock clock;
    private final GraphIds ids;
    private final ObjectMapper mapper;
    private final GraphTokenEndpoints tokenEndpoints;
    private final FacebookPages pages;
    private final GraphCalls calls;
    private final SandboxSettings settings;
    private final SandboxMessaging messaging;

    GraphSandboxController(GraphRequestReader reader, SandboxTokens tokens, SandboxFaults faults,
            ContainerCreation creation, MediaPublishing publishing, GraphReads reads, MediaListing listing,
            UsageMeter usage, SandboxClock clock, GraphIds ids, ObjectMapper mapper,
            GraphTokenEndpoints tokenEndpoints, FacebookPages pages, GraphCalls calls, SandboxSettings settings,
            SandboxMessaging messaging) {
        this.reader = reader;
        this.tokens = tokens;
        this.faults = faults;
        this.creation = creation;
        this.publishing = publishing;
        this.reads = reads;
        this.listing = listing;
        this.usage = usage;
        this.clock = clock;
        this.ids = ids;
        this.mapper = mapper;
        this.tokenEndpoints = tokenEndpoints;
        this.pages = pages;
        this.calls = calls;
        this.settings = settings;
        this.messaging = messaging;
    }

    /**
     * Decides the answer at once, then holds it back for {@code latency} on a timer rather than on the servlet
     * thread: the future frees the thread (Spring MVC async), so a slow sandbox does not cap Tomcat's concurrency.
     * The timer's own thread completes it: the default async executor starts a thread per answer on two cores.
     */
    @RequestMapping("/sandbox/{host:graph\\.instagram\\.com|graph\\.facebook\\.com}/**")
    CompletableFuture<ResponseEntity<byte[]>> call(@PathVariable("host") String hostName, HttpServletRequest request) {
        ResponseEntity<byte[]> answer = answer(hostName, request);
        Duration latency = settings.current().latency();
        if (latency.isZero()) {
            return CompletableFuture.completedFuture(answer);
        }
        return CompletableFuture.supplyAsync(() -> answer,
                CompletableFuture.delayedExecutor(latency.toNanos(), TimeUnit.NANOSECONDS, Runnable::run));
    }

    private ResponseEntity<byte[]> answer(String hostName, HttpServletRequest request) {
        GraphHost host = GraphHost.byName(hostName).orElseThrow();
        String traceId = ids.nextTraceId();
        List<String> path = pathAfterHost(request, hostName);
        AccessToken token = null;
        try {
            GraphParameters params = reader.read(request);
            String method = request.getMethod().toLowerCase(java.util.Locale.ROOT);
            if (tokenEndpoints.handles(host, path) && faults.fires(Fault.SERVER_ERROR, null)) {
                throw GraphError.unexpectedServerError().toException();   // token endpoints fail too
            }
            var tokenAnswer = tokenEndpoints.handle(host, path, method, params);
            if (tokenAnswer.isPresent()) {
                return respond(200, tokenAnswer.get(), traceId, null, path, null);
            }
            token = tokens.authenticate(host, params.accessToken());
            usage.record(token.igUserId(), clock.now());
            throwWholeCallFaults(token.igUserId());
            Object body = route(request, host, path, token, params);
            return respond(200, body, traceId, token, path, null);
        } catch (GraphApiException e) {
            return respond(e.error().httpStatus(), envelope(e.error(), host, traceId), traceId, token, path, e.error());
        } finally {
            calls.record(host, request.getMethod(), path, token);
        }
    }

    private void throwWholeCallFaults(String igUserId) {
        if (faults.fires(Fault.SERVER_ERROR, igUserId)) {
            throw GraphError.unexpectedServerError().toException();
        }
        if (faults.fires(Fault.RATE_LIMIT, igUserId)) {
            throw GraphError.instagramRateLimit().toException();
        }
        if (faults.fires(Fault.APP_RATE_LIMIT, igUserId)) {
            throw GraphError.appRateLimit().toException();
        }
    }

    private Object route(HttpServletRequest request, GraphHost host, List<String> path, AccessToken token,
            GraphParameters params) {
        String method = request.getMethod().toLowerCase(java.util.Locale.ROOT);
        if (path.isEmpty()) {
            throw GraphError.unsupportedRequest(method, "").toException();
        }
        String id = path.get(0);
        var engagement = messaging.handle(host, method, path, token, params);
        if (engagement.isPresent()) {
            return engagement.get();
        }
        if (host == GraphHost.FACEBOOK && method.equals("get") && path.equals(List.of("me", "accounts"))) {
            return pages.accounts(token, params, request.getRequestURL().toString(), request.getQueryString());
        }
        if (path.size() == 1) {
            if (method.equals("get")) {
                if (host == GraphHost.FACEBOOK) {
                    var page = pages.page(token, id, params);
                    if (page.isPresent()) {
                        return page.get();
                    }
                }
                return reads.node(token, id, params);
            }
            throw GraphError.unsupportedRequest(method, id).toException();
        }
        if (!id.equals("me") && !id.equals(token.igUserId())) {
            throw GraphError.unsupportedRequest(method, id).toException();
        }
        String edge = String.join("/", path.subList(1, path.size()));
        return switch (method + " " + edge) {
            case "post media" -> Map.of("id", creation.create(token.igUserId(), params));
            case "get media" -> listing.list(token, params, request.getRequestURL().toString(), request.getQueryString());
            case "post media_publish" -> Map.of("id", publishing.publish(token, params));
            case "get content_publishing_limit" -> reads.publishingLimit(token, params);
            default -> {
                if (edge.equals("media") || edge.equals("media_publish") || edge.equals("content_publishing_limit")) {
                    throw GraphError.unsupportedRequest(method, id).toException();
                }
                throw GraphError.unknownPath("/" + edge).toException();
            }
        };
    }

    private static List<String> pathAfterHost(HttpServletRequest request, String hostName) {
        String uri = request.getRequestURI().substring(request.getContextPath().length());
        String rest = uri.substring(uri.indexOf(hostName) + hostName.length());
        List<String> segments = new ArrayList<>();
        for (String segment : rest.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(URLDecoder.decode(segment, StandardCharsets.UTF_8));
            }
        }
        if (!segments.isEmpty() && VERSION.matcher(segments.get(0)).matches()) {
            segments.remove(0);
        }
        return segments;
    }

    private Map<String, Object> envelope(GraphError error, GraphHost host, String traceId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", error.message());
        fields.put("type", error.methodError() && host == GraphHost.FACEBOOK ? "GraphMethodException" : host.errorType());
        fields.put("code", error.code());
        if (error.subcode() != null) {
            fields.put("error_subcode", error.subcode());
        }
        if (error.isTransient() != null) {
            fields.put("is_transient", error.isTransient());
        }
        if (error.userTitle() != null) {
            fields.put("error_user_title", error.userTitle());
        }
        if (error.userMessage() != null) {
            fields.put("error_user_msg", error.userMessage());
        }
        fields.put("fbtrace_id", traceId);
        return Map.of("error", fields);
    }

    private ResponseEntity<byte[]> respond(int status, Object body, String traceId, AccessToken token,
            List<String> path, GraphError error) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.CONTENT_TYPE, JSON_UTF8);
        headers.set("x-fb-trace-id", traceId);
        var now = clock.now();
        boolean appThrottled = error != null && error.code() == 4 && error.subcode() == null;
        headers.set("X-App-Usage", json(Map.of("call_count", appThrottled ? 100 : usage.appPercent(now),
                "total_time", usage.appPercent(now), "total_cputime", usage.appPercent(now))));
        boolean throttled = error != null && error.code() == 80002;
        if (token != null && (throttled || isInstagramUserEndpoint(path, token))) {
            int percent = throttled ? 100 : usage.accountPercent(token.igUserId(), now);
            Map<String, Object> buc = new LinkedHashMap<>();
            buc.put("type", "instagram");
            buc.put("call_count", percent);
            buc.put("total_cputime", Math.min(percent, 25));
            buc.put("total_time", Math.min(percent, 25));
            buc.put("estimated_time_to_regain_access", throttled ? 1 : 0);
            headers.set("X-Business-Use-Case-Usage", json(Map.of(token.igUserId(), List.of(buc))));
        }
        if (error != null) {
            String kind = error.tokenError() ? "invalid_token" : "invalid_request";
            headers.set(HttpHeaders.WWW_AUTHENTICATE,
                    "OAuth \"Facebook Platform\" \"" + kind + "\" \"" + error.message().replace('"', '\'') + "\"");
        }
        return ResponseEntity.status(status).headers(headers).body(json(body).getBytes(StandardCharsets.UTF_8));
    }

    /** Calls on the IG user node or its edges carry the Instagram business-use-case header. */
    private static boolean isInstagramUserEndpoint(List<String> path, AccessToken token) {
        return !path.isEmpty() && (path.get(0).equals("me") || path.get(0).equals(token.igUserId()));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a sandbox response", e);
        }
    }
}
