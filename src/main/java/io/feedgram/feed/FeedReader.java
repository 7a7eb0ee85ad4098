package io.feedgram.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.DCSubject;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;

/**
 * Reads the entries of a feed, in document order: RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 as parsed by
 * Rome, and JSON Feed 1.0/1.1.
 */
@Component("feedReader")
public final class FeedReader {

    /** RSS 2.0 {@code <author>} is "email (Name)"; the name is what a caption wants. */
    private static final Pattern RSS_AUTHOR = Pattern.compile("^\\S+@\\S+\\s*\\((.+)\\)$");

    private final MediaExtractor media = new MediaExtractor();
    private final JsonFeedReader jsonFeed = new JsonFeedReader(media);

    public List<FeedEntry> entries(SyndFeed feed, String feedUrl) {
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            entries.add(entry(entry, feed, feedUrl));
        }
        return entries;
    }

    /** Reads a JSON Feed document; throws {@link FeedProblem} when it is not one. */
    public List<FeedEntry> jsonEntries(String body, String feedUrl) {
        return jsonFeed.entries(body, feedUrl);
    }

    private FeedEntry entry(SyndEntry entry, SyndFeed feed, String feedUrl) {
        String rawLink = linkOf(entry);
        String link = firstText(Urls.absolute(rawLink, feedUrl), rawLink);
        String summary = entry.getDescription() == null ? null : blankToNull(entry.getDescription().getValue());
        String content = contentOf(entry);
        List<String> html = new ArrayList<>();
        if (content != null) {
            html.add(content);
        }
        if (summary != null) {
            html.add(summary);
        }
        return new FeedEntry(firstText(entry.getUri(), link), link, blankToNull(entry.getTitle()), summary, content,
                authorOf(entry, feed), categoriesOf(entry), instant(entry.getPublishedDate(), entry.getUpdatedDate()),
                media.fromSyndEntry(entry, firstText(link, feedUrl), html));
    }

    private static String linkOf(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink().trim();
        }
        return entry.getLinks().stream()
                .filter(l -> l.getRel() == null || l.getRel().equals("alternate"))
                .map(SyndLink::getHref).filter(FeedReader::hasText).findFirst().orElse(null);
    }

    /** Atom may carry several contents; HTML ones are preferred, in document order. */
    private static String contentOf(SyndEntry entry) {
        List<SyndContent> contents = entry.getContents();
        return contents.stream().filter(c -> c.getType() != null && c.getType().contains("html"))
                .map(SyndContent::getValue).filter(FeedReader::hasText).findFirst()
                .or(() -> contents.stream().map(SyndContent::getValue).filter(FeedReader::hasText).findFirst()
                        .map(Html::fromText))
                .orElse(null);
    }

    /** The entry's own author, else the feed's: Atom entries inherit the feed's author. */
    private static String authorOf(SyndEntry entry, SyndFeed feed) {
        String author = firstText(entry.getAuthor(), nameOf(entry.getAuthors()), feed.getAuthor(),
                nameOf(feed.getAuthors()));
        if (author == null) {
            return null;
        }
        Matcher rss = RSS_AUTHOR.matcher(author);
        return rss.matches() ? rss.group(1).trim() : author;
    }

    /** Categories, or the Dublin Core subjects that RSS 1.0 uses instead. */
    private static List<String> categoriesOf(SyndEntry entry) {
        Set<String> names = new LinkedHashSet<>();
        for (SyndCategory category : entry.getCategories()) {
            addText(names, category.getName());
        }
        if (names.isEmpty() && entry.getModule(DCModule.URI) instanceof DCModule dublinCore) {
            for (DCSubject subject : dublinCore.getSubjects()) {
                addText(names, subject.getValue());
            }
        }
        return List.copyOf(names);
    }

    private static String nameOf(List<SyndPerson> people) {
        return people.stream().map(SyndPerson::getName).filter(FeedReader::hasText).findFirst().orElse(null);
    }

    private static Instant instant(Date published, Date updated) {
        Date date = published != null ? published : updated;
        return date == null ? null : date.toInstant();
    }

    static void addText(Set<String> names, String name) {
        if (hasText(name)) {
            names.add(name.trim());
        }
    }

    static String firstText(String... candidates) {
        for (String candidate : candidates) {
            if (hasText(candidate)) {
                return candidate.trim();
            }
        }
        return null;
    }

    static String blankToNull(String text) {
        return hasText(text) ? text : null;
    }

    static boolean hasText(String text) {
        return text != null && !text.isBlank();
    }
}
