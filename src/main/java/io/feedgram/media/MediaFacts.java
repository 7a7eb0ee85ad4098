package io.feedgram.media;

/** What inspection found out about one media file, before any decision. */
public sealed interface MediaFacts permits ImageFacts, VideoFacts {

    long bytes();
}
