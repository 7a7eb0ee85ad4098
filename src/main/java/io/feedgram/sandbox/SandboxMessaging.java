package io.feedgram.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The calls after the post (docs/instagram.md#messaging and #comments): the Send API with its window, rate
 * and recipient rules, private replies (once, within 7 days), conversations, comments and replies, hiding
 * and deleting a comment, and {@code subscribed_apps}. Empty when the call is none of these. On graph.facebook.com
 * messages, conversations and {@code subscribed_apps} belong to the linked Page with a Page token; the IG user
 * node answers (#3) there (docs/instagram.md#facebook-login-page-node).
 */
@SandboxBean
final class SandboxMessaging {

    private static final int MAX_TEXT_BYTES = 1000;
    private static final int MAX_COMMENT = 2200;
    private static final Set<String> ACCOUNT_EDGES = Set.of("messages", "conversations", "subscribed_apps");

    private final SandboxInbox inbox;
    private final SandboxMedia media;
    private final SandboxClock clock;
    private final SandboxSettings settings;
    private final GraphIds ids;
    private final ObjectMapper json;
    private final SandboxFaults faults;
    private final FacebookPages pages;

    SandboxMessaging(SandboxInbox inbox, SandboxMedia media, SandboxClock clock, SandboxSettings settings, GraphIds ids,
                     ObjectMapper json, SandboxFaults faults, FacebookPages pages) {
        this.inbox = inbox;
        this.media = media;
        this.clock = clock;
        this.settings = settings;
        this.ids = ids;
        this.json = json;
        this.faults = faults;
        this.pages = pages;
    }

    Optional<Object> handle(GraphHost host, String method, List<String> path, AccessToken token, GraphParameters params) {
        String owner = token.igUserId();
        String node = path.get(0);
        boolean own = host == GraphHost.FACEBOOK && path.size() == 2 && ACCOUNT_EDGES.contains(path.get(1))
                ? isPage(node, token) : node.equals("me") || node.equals(owner);
        if (own && path.size() == 2) {
            return switch (method + " " + path.get(1)) {
                case "post messages" -> Optional.of(send(owner, params));
                case "get conversations" -> Optional.of(conversations(owner, params));
                case "post subscribed_apps" -> Optional.of(subscribe(owner, params));
                case "get subscribed_apps" -> Optional.of(Map.of("data",
                        List.of(Map.of("subscribed_fields", inbox.subscriptions(owner)))));
                default -> Optional.empty();
            };
        }
        if (path.size() == 2 && path.get(1).equals("comments") && media.findOwned(node, owner).isPresent()) {
            return Optional.of(method.equals("post") ? comment(node, null, token, params) : commentList(node, null));
        }
        Optional<SandboxInbox.Comment> comment = inbox.comment(node).filter(c -> c.owner().equals(owner));
        if (comment.isPresent()) {
            return commentCall(method, path, comment.get(), token, params);
        }
        if (path.size() == 1 && method.equals("get")) {
            return inbox.threadById(node).filter(t -> t.owner().equals(owner)).map(this::thread);
        }
        return Optional.empty();
    }

    /**
     * Whether {@code node} is the token's linked Page on graph.facebook.com ({@code me} with a Page token is the
     * Page); the IG user node is refused with (#3), the Page with another token with (#210).
     */
    private boolean isPage(String node, AccessToken token) {
        boolean pageToken = token.kind() == TokenKind.PAGE;
        boolean page = node.equals(pages.linkedPageId(token).orElse(null)) || node.equals("me") && pageToken;
        if (!page && (node.equals("me") || node.equals(token.igUserId()))) {
            throw GraphError.wrongNodeForFacebookLogin().toException();
        }
        if (page && !pageToken) {
            throw GraphError.pageTokenRequired().toException();
        }
        return page;
    }

    private Optional<Object> commentCall(String method, List<String> path, SandboxInbox.Comment comment,
                                         AccessToken token, GraphParameters params) {
        if (path.size() == 2 && path.get(1).equals("replies")) {
            if (method.equals("get")) {
                return Optional.of(commentList(comment.mediaId(), comment.id()));
            }
            if (comment.hidden()) {
                throw GraphError.invalidParameter("Cannot reply to a hidden comment").toException();
            }
            // A reply to a reply belongs to the top-level comment.
            String parent = comment.parentId() != null ? comment.parentId() : comment.id();
            return Optional.of(comment(comment.mediaId(), parent, token, params));
        }
        if (path.size() != 1) {
            return Optional.empty();
        }
        return switch (method) {
            case "post" -> {
                if (!params.has("hide")) {
                    throw GraphError.parameterRequired("hide").toException();
                }
                inbox.add(comment.hiding(params.flag("hide") && !comment.fromId().equals(comment.owner())));
                yield Optional.of(Map.of("success", true));
            }
            case "delete" -> {
                inbox.remove(comment.id());
                yield Optional.of(Map.of("success", true));
            }
            case "get" -> Optional.of(commentFields(comment));
            default -> Optional.empty();
        };
    }

    private Map<String, Object> send(String owner, GraphParameters params) {
        JsonNode recipient = object(params, "recipient");
        String text = object(params, "message").path("text").asText(null);
        if (text == null || text.isBlank()) {
            throw GraphError.parameterRequired("message").toException();
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > MAX_TEXT_BYTES) {
            throw GraphError.invalidParameter("Length of param message[text] must be less than or equal to 1000").toException();
        }
        Instant now = clock.now();
        SandboxProperties.Messaging rules = settings.current().messaging();
        String personId;
        if (recipient.hasNonNull("comment_id")) {
            SandboxInbox.Comment comment = inbox.comment(recipient.path("comment_id").asText())
                    .filter(c -> c.owner().equals(owner) && !c.privateReplied()
                            && now.isBefore(c.createdAt().plus(rules.privateReplyWindow())))
                    .orElseThrow(() -> GraphError.invalidPrivateReply().toException());
            countSend(owner, now, rules);
            inbox.add(comment.privatelyReplied());
            personId = comment.fromId();
        } else {
            personId = recipient.path("id").asText(null);
            SandboxInbox.Thread thread = inbox.thread(owner, personId == null ? "" : personId)
                    .orElseThrow(() -> GraphError.noMatchingUser().toException());
            if (inbox.blocks(owner, personId)) {
                throw GraphError.recipientUnavailable().toException();
            }
            boolean humanAgent = "HUMAN_AGENT".equals(params.text("tag").orElse(null));
            var window = humanAgent ? rules.privateReplyWindow() : rules.window();
            if (thread.lastInboundAt() == null || !now.isBefore(thread.lastInboundAt().plus(window))) {
                throw GraphError.outsideWindow().toException();
            }
            countSend(owner, now, rules);
        }
        String mid = ids.nextMessageId();
        inbox.record(owner, personId, ids.nextThreadId(), new SandboxInbox.Message(mid, owner, personId, text, now), false);
        loseAnswerIfAsked(owner);
        return Map.of("recipient_id", personId, "message_id", mid);
    }

    /** The send is done; with the fault armed, its answer is a 500 as if it never came back. */
    private void loseAnswerIfAsked(String owner) {
        if (faults.fires(Fault.SEND_COMMITTED_RESPONSE_LOST, owner)) {
            throw GraphError.unknownServerError().toException();
        }
    }

    private void countSend(String owner, Instant now, SandboxProperties.Messaging rules) {
        if (!inbox.countSend(owner, now, now.minus(rules.sendPeriod()), rules.sendLimit())) {
            throw GraphError.messagingRateLimit().toException();
        }
    }

    private Map<String, Object> conversations(String owner, GraphParameters params) {
        String userId = params.text("user_id").orElse(null);
        List<Map<String, Object>> data = inbox.threads(owner).stream()
                .filter(t -> userId == null || t.personId().equals(userId))
                .map(t -> Map.<String, Object>of("id", t.id(),
                        "updated_time", GraphReads.TIMESTAMP.format(t.messages().get(t.messages().size() - 1).createdAt())))
                .toList();
        return Map.of("data", data);
    }

    /** {@code GET /{conversation-id}?fields=messages{...}}: the newest 20 messages with their details, newest first. */
    private Object thread(SandboxInbox.Thread thread) {
        List<SandboxInbox.Message> newestFirst = new java.util.ArrayList<>(thread.messages());
        java.util.Collections.reverse(newestFirst);
        List<Map<String, Object>> data = newestFirst.subList(0, Math.min(20, newestFirst.size())).stream()
                .map(m -> Map.<String, Object>of("id", m.mid(), "created_time", GraphReads.TIMESTAMP.format(m.createdAt()),
                        "from", Map.of("id", m.fromId()), "to", Map.of("data", List.of(Map.of("id", m.toId()))),
                        "message", m.text()))
                .toList();
        return Map.of("id", thread.id(), "messages", Map.of("data", data));
    }

    private Map<String, Object> subscribe(String owner, GraphParameters params) {
        String fields = params.text("subscribed_fields")
                .orElseThrow(() -> GraphError.parameterRequired("subscribed_fields").toException());
        inbox.subscribe(owner, List.of(fields.split("\\s*,\\s*")));
        return Map.of("success", true);
    }

    private Map<String, Object> comment(String mediaId, String parentId, AccessToken token, GraphParameters params) {
        String text = params.text("message").orElseThrow(() -> GraphError.parameterRequired("message").toException());
        if (text.length() > MAX_COMMENT) {
            throw GraphError.invalidParameter("The comment is longer than " + MAX_COMMENT + " characters").toException();
        }
        String id = ids.nextCommentId();
        inbox.add(new SandboxInbox.Comment(id, mediaId, token.igUserId(), token.igUserId(), token.username(), text,
                clock.now(), parentId, false, false));
        loseAnswerIfAsked(token.igUserId());
        return Map.of("id", id);
    }

    private Map<String, Object> commentList(String mediaId, String parentId) {
        return Map.of("data", inbox.comments(mediaId, parentId).stream().map(this::commentFields).toList());
    }

    private Map<String, Object> commentFields(SandboxInbox.Comment comment) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", comment.id());
        fields.put("text", comment.text());
        fields.put("timestamp", GraphReads.TIMESTAMP.format(comment.createdAt()));
        fields.put("from", Map.of("id", comment.fromId(), "username", comment.fromUsername()));
        fields.put("username", comment.fromUsername());
        fields.put("hidden", comment.hidden());
        fields.put("media", Map.of("id", comment.mediaId()));
        if (comment.parentId() != null) {
            fields.put("parent_id", comment.parentId());
        }
        return fields;
    }

    /** A parameter whose value is a JSON object, sent as JSON or as a form field holding JSON. */
    private JsonNode object(GraphParameters params, String name) {
        String raw = params.text(name).orElseThrow(() -> GraphError.parameterRequired(name).toException());
        try {
            JsonNode node = json.readTree(raw);
            if (node == null || !node.isObject()) {
                throw GraphError.invalidParameter("param " + name + " must be a JSON object").toException();
            }
            return node;
        } catch (JsonProcessingException e) {
            throw GraphError.invalidParameter("param " + name + " must be a JSON object").toException();
        }
    }
}
