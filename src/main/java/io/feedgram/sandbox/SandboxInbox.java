package io.feedgram.sandbox;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What people did to the sandbox's accounts and what the accounts answered: comments (with their
 * replies), direct-message threads, blocked people, sends per account (for the rate limit) and webhook
 * subscriptions. Every read and write is synchronized: a small shared state, like the other sandbox stores.
 */
@SandboxBean
final class SandboxInbox {

    /** A comment on a published media, or a reply to one ({@code parentId}). */
    record Comment(String id, String mediaId, String owner, String fromId, String fromUsername, String text,
                   Instant createdAt, String parentId, boolean hidden, boolean privateReplied) {
        Comment hiding(boolean value) {
            return new Comment(id, mediaId, owner, fromId, fromUsername, text, createdAt, parentId, value, privateReplied);
        }

        Comment privatelyReplied() {
            return new Comment(id, mediaId, owner, fromId, fromUsername, text, createdAt, parentId, hidden, true);
        }
    }

    /** One message of a thread, from the person or from the account. */
    record Message(String mid, String fromId, String toId, String text, Instant createdAt) {
    }

    /** A thread between an account and a person; {@code lastInboundAt} opens the reply window. */
    record Thread(String id, String owner, String personId, Instant lastInboundAt, List<Message> messages) {
        Thread with(Message message, boolean inbound) {
            List<Message> all = new ArrayList<>(messages);
            all.add(message);
            return new Thread(id, owner, personId, inbound ? message.createdAt() : lastInboundAt, List.copyOf(all));
        }
    }

    private final Map<String, Comment> comments = new LinkedHashMap<>();
    private final Map<String, Thread> threads = new LinkedHashMap<>();
    private final Set<String> blocked = new HashSet<>();
    private final Map<String, Deque<Instant>> sends = new LinkedHashMap<>();
    private final Map<String, List<String>> subscriptions = new LinkedHashMap<>();

    synchronized void add(Comment comment) {
        comments.put(comment.id(), comment);
    }

    synchronized Optional<Comment> comment(String id) {
        return Optional.ofNullable(comments.get(id));
    }

    synchronized void remove(String commentId) {
        comments.remove(commentId);
    }

    /** The top-level comments of a media, newest first, and the replies of a comment ({@code parentId}). */
    synchronized List<Comment> comments(String mediaId, String parentId) {
        List<Comment> found = new ArrayList<>();
        comments.values().stream()
                .filter(c -> c.mediaId().equals(mediaId) && java.util.Objects.equals(c.parentId(), parentId))
                .forEach(c -> found.add(0, c));
        return found;
    }

    /** Every comment and reply on a media, oldest first. */
    synchronized List<Comment> allOn(String mediaId) {
        return comments.values().stream().filter(c -> c.mediaId().equals(mediaId)).toList();
    }

    synchronized Optional<Thread> thread(String owner, String personId) {
        return Optional.ofNullable(threads.get(owner + "/" + personId));
    }

    synchronized Optional<Thread> threadById(String id) {
        return threads.values().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    synchronized List<Thread> threads(String owner) {
        return threads.values().stream().filter(t -> t.owner().equals(owner)).toList();
    }

    synchronized Map<String, Thread> allThreads() {
        return Map.copyOf(threads);
    }

    /** Adds a message to the thread between {@code owner} and {@code personId}, opening it if new. */
    synchronized Thread record(String owner, String personId, String newThreadId, Message message, boolean inbound) {
        Thread thread = threads.getOrDefault(owner + "/" + personId,
                new Thread(newThreadId, owner, personId, null, List.of())).with(message, inbound);
        threads.put(owner + "/" + personId, thread);
        return thread;
    }

    synchronized void block(String owner, String personId) {
        blocked.add(owner + "/" + personId);
    }

    synchronized boolean blocks(String owner, String personId) {
        return blocked.contains(owner + "/" + personId);
    }

    /** Counts a send when fewer than {@code limit} happened since {@code since}; false (nothing counted) otherwise. */
    synchronized boolean countSend(String owner, Instant now, Instant since, int limit) {
        Deque<Instant> times = sends.computeIfAbsent(owner, o -> new ArrayDeque<>());
        while (!times.isEmpty() && times.peekFirst().isBefore(since)) {
            times.pollFirst();
        }
        if (times.size() >= limit) {
            return false;
        }
        times.addLast(now);
        return true;
    }

    synchronized void subscribe(String owner, List<String> fields) {
        subscriptions.put(owner, List.copyOf(fields));
    }

    synchronized List<String> subscriptions(String owner) {
        return subscriptions.getOrDefault(owner, List.of());
    }

    synchronized void clear() {
        comments.clear();
        threads.clear();
        blocked.clear();
        sends.clear();
        subscriptions.clear();
    }
}
