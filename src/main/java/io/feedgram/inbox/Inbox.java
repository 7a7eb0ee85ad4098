package io.feedgram.inbox;

import io.feedgram.api.ApiProblem;
import io.feedgram.api.FieldError;
import io.feedgram.api.Page;
import io.feedgram.api.PageCursor;
import io.feedgram.api.PageRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.feedgram.account.AccountsProperties;
import io.feedgram.media.ServedMedia;
import io.feedgram.post.MediaItem;
import io.feedgram.post.NewPost;
import io.feedgram.post.Post;
import io.feedgram.post.PostContainers;
import io.feedgram.post.PostRepository;
import io.feedgram.post.PostTransitions;
import io.feedgram.post.PostStatus;
import io.feedgram.system.Sha256;
import org.apache.camel.Body;
import org.apache.camel.Header;
import org.apache.camel.Variable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * The REST inbox's logic: queue a submitted post, show posts, retry or cancel one. Every
 * refusal is an {@link ApiProblem}; the routes in inbox.camel.yaml turn the results into
 * HTTP responses.
 */
@Component("inbox")
public class Inbox {

    static final String SOURCE = "inbox";
    static final int MAX_IDEMPOTENCY_KEY = 255;

    private final PostRepository posts;
    private final PostTransitions transitions;
    private final PostContainers containers;
    private final AccountsProperties accounts;
    private final InboxValidator validator;
    private final ServedMedia uploads;

    public Inbox(PostRepository posts, PostTransitions transitions, PostContainers containers, AccountsProperties accounts,
                 ServedMedia uploads, ObjectMapper json, Clock clock) {
        this.posts = posts;
        this.transitions = transitions;
        this.containers = containers;
        this.accounts = accounts;
        this.validator = new InboxValidator(json, clock);
        this.uploads = uploads;
    }

    /**
     * Validates and stores a submission, returning the stored post. A repeated
     * {@code Idempotency-Key} (per API key) returns the post the first request created, or a 422
     * when the request differs from the first (as Stripe answers): the client has a bug, and
     * silently keeping either post would hide it.
     */
    public PostView submit(@Body String body, @Variable("apiKey") String apiKey,
                           @Header("Idempotency-Key") String idempotencyKey) {
        checkIdempotencyKey(idempotencyKey);
        return accept(body, SOURCE, idempotencyKey == null ? null : sourceKey(SOURCE, apiKey, idempotencyKey));
    }

    /**
     * The one door every submission passes, from the API or from a route (inbox.RouteInbox):
     * validate the inbox's JSON, resolve uploads, check the account, store the post once per
     * {@code sourceKey}. Every refusal is an {@link ApiProblem} naming the offending fields.
     */
    PostView accept(String body, String source, String sourceKey) {
        Submission submission = withUploads(validator.read(body));
        if (accounts.find(submission.account()).isEmpty()) {
            throw ApiProblem.unprocessable("account", "No account '" + submission.account() + "' is configured.");
        }
        NewPost post = new NewPost(submission.account(), submission.kind(), submission.caption(), submission.media(),
                submission.options(), source, sourceKey, submission.publishAt());
        String id;
        try {
            id = posts.insert(post);
        } catch (DuplicateKeyException raced) {
            // the same key submitted twice at once: the other request stored it
            id = posts.insert(post);
        }
        Post stored = find(id);
        if (sourceKey != null && !sameRequest(stored, submission)) {
            throw ApiProblem.unprocessable("Idempotency-Key", "This Idempotency-Key was used for another request "
                    + "(post " + id + "); use a new key for a new post.");
        }
        return view(stored);
    }

    static void checkIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw ApiProblem.invalid("Idempotency-Key", "must be 1 to " + MAX_IDEMPOTENCY_KEY + " characters");
        }
    }

    /** Media named by an upload id become the URL the upload is served at; an unknown id is a 422. */
    private Submission withUploads(Submission submission) {
        List<MediaItem> media = new ArrayList<>();
        for (int i = 0; i < submission.media().size(); i++) {
            MediaItem item = submission.media().get(i);
            if (!item.url().startsWith(InboxValidator.UPLOAD)) {
                media.add(item);
                continue;
            }
            String id = item.url().substring(InboxValidator.UPLOAD.length());
            String url = uploads.upload(id).orElseThrow(() -> ApiProblem.unprocessable("media[" + media.size() + "].upload",
                    "No upload '" + id + "' exists (uploads are kept for feedgram.media.retention)."));
            media.add(new MediaItem(url, item.type(), item.altText()));
        }
        return new Submission(submission.account(), submission.kind(), submission.caption(), List.copyOf(media),
                submission.options(), submission.publishAt());
    }

    private static boolean sameRequest(Post stored, Submission submission) {
        return stored.accountId().equals(submission.account()) && stored.kind() == submission.kind()
                && Objects.equals(stored.caption(), submission.caption()) && stored.media().equals(submission.media())
                && Objects.equals(stored.options(), submission.options());
    }

    public PostView get(@Header("id") String id) {
        return view(find(id));
    }

    public PostPage list(@Header("status") String status, @Header("account") String account,
                         @Header("limit") String limit, @Header("cursor") String cursor) {
        List<FieldError> errors = new ArrayList<>();
        PostStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = PostStatus.valueOf(status.trim());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + List.of(PostStatus.values())));
            }
        }
        PageRequest page = PageRequest.read(limit, cursor, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        PageCursor after = page.after();
        List<Post> fetched = posts.page(wanted, account == null || account.isBlank() ? null : account.trim(),
                after == null ? null : after.createdAt(), after == null ? null : after.id(), page.fetchSize());
        Page<PostView> shown = Page.of(fetched, page, post -> new PageCursor(post.createdAt(), post.id()), this::view);
        return new PostPage(shown.items(), shown.nextCursor());
    }

    /**
     * A FAILED post is queued again from scratch; an UNCONFIRMED one is reconciled now (its
     * container is read, it is never posted again). Anything else is a 409.
     */
    public PostView retry(@Header("id") String id) {
        Post post = find(id);
        whyNoRetry(post.status()).ifPresent(reason -> {
            throw ApiProblem.conflict("Only a FAILED or UNCONFIRMED post can be retried; this one is "
                    + post.status() + ": " + reason);
        });
        boolean done = post.status() == PostStatus.FAILED
                ? transitions.requeueFailed(post, "retry requested through the API")
                : transitions.makeDueNow(post, "reconciliation requested through the API");
        if (!done) {
            throw ApiProblem.conflict("The post changed while it was being retried; it is now "
                    + find(id).status() + ".");
        }
        return get(id);
    }

    /** Cancels a post that has not started publishing (QUEUED, DEFERRED, NEEDS_REAUTH); a 409 otherwise. */
    public PostView cancel(@Header("id") String id) {
        Post post = find(id);
        whyNoCancel(post.status()).ifPresent(reason -> {
            throw ApiProblem.conflict("A " + post.status() + " post cannot be cancelled: " + reason);
        });
        if (!transitions.cancel(post, "cancelled through the API")) {
            throw ApiProblem.conflict("The post started publishing or changed meanwhile; it is now "
                    + find(id).status() + ".");
        }
        return get(id);
    }

    /**
     * Why a post in {@code status} cannot be retried, or empty when it can: a FAILED post is queued
     * again, an UNCONFIRMED one is reconciled. A post that may be live is never retried into a duplicate.
     * The API's 409 and the dashboard's missing button say the same.
     */
    public static Optional<String> whyNoRetry(PostStatus status) {
        return Optional.ofNullable(switch (status) {
            case FAILED, UNCONFIRMED -> null;
            case PUBLISHED -> "it is live on Instagram.";
            case QUEUED, DEFERRED -> "it has not failed; it is waiting to be published.";
            case CONTAINERS_CREATED, READY -> "it is being published and may go live; a retry could post it twice.";
            case NEEDS_REAUTH -> "it waits for its account to be connected again, then resumes by itself.";
            case SKIPPED -> "it was skipped on purpose (its history says why); there is nothing to publish.";
            case CANCELLED -> "it was cancelled.";
        });
    }

    /** Why a post in {@code status} cannot be cancelled, or empty when it can (it has not started publishing). */
    public static Optional<String> whyNoCancel(PostStatus status) {
        if (status.canMoveTo(PostStatus.CANCELLED)) {
            return Optional.empty();
        }
        return Optional.of(status.isTerminal() ? "it has ended." : "it is being published and may go live.");
    }

    /** The source key of an idempotent submission, scoped by who sent it: the raw keys are never stored. */
    static String sourceKey(String source, String scope, String idempotencyKey) {
        return source + ":" + Sha256.hex(scope + ":" + idempotencyKey);
    }

    private Post find(String id) {
        return (id == null ? Optional.<Post>empty() : posts.find(id))
                .orElseThrow(() -> ApiProblem.notFound("No post with id '" + id + "'."));
    }

    private PostView view(Post post) {
        return PostView.of(post, containers.of(post.id()),
                posts.history(post.id()));
    }
}
