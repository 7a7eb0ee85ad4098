package io.feedgram.graph;

/** Which Meta login an account uses, and so which Graph host and token flavour (docs/instagram.md#hosts). */
public enum Login { INSTAGRAM, FACEBOOK }
