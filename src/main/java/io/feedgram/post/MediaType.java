package io.feedgram.post;

public enum MediaType { IMAGE, VIDEO }
