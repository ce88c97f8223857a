package io.github.bddreplay.replayer.synth;

/** A WGS84 position in degrees. */
public record GeoPoint(double latitude, double longitude) {}
