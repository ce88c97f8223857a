package io.github.bddreplay.synth;

/** A WGS84 position in degrees. */
public record GeoPoint(double latitude, double longitude) {}
