package io.feedgram.post;

/** What the user asked for; the media decide the Instagram shape (see {@code ContainerPlan}). */
public enum PostKind { FEED, REEL, STORY }
