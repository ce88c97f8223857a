package io.github.bddreplay.replayer.synth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;

import org.junit.jupiter.api.Test;

class KinematicsTest {
  private static final GeoPoint MANHATTAN = new GeoPoint(40.7580, -73.9855);

  @Test
  void aDegreeOfLatitudeIsAboutOneHundredElevenKilometers() {
    GeoPoint north = Kinematics.offset(MANHATTAN, 111_195, 0);
    assertThat(north.latitude() - MANHATTAN.latitude(), closeTo(1.0, 1e-4));
    assertThat(north.longitude(), is(MANHATTAN.longitude()));
  }

  @Test
  void movingCoversTheDistanceInTheDirectionOfTheBearing() {
    for (double bearing = 0; bearing < 360; bearing += 22.5) {
      GeoPoint moved = Kinematics.move(MANHATTAN, bearing, 250);
      assertThat(Kinematics.distanceMeters(MANHATTAN, moved), closeTo(250, 0.05));
      assertThat(
          Kinematics.angleBetween(Kinematics.bearingDegrees(MANHATTAN, moved), bearing),
          lessThan(0.01));
    }
  }

  @Test
  void eastwardStepsAreWiderInDegreesAwayFromTheEquator() {
    GeoPoint atEquator = Kinematics.move(new GeoPoint(0, 0), 90, 1000);
    GeoPoint inNewYork = Kinematics.move(MANHATTAN, 90, 1000);
    assertThat(
        inNewYork.longitude() - MANHATTAN.longitude(), greaterThan(atEquator.longitude() * 1.3));
  }

  @Test
  void directionsAreNormalizedIntoZeroToThreeSixty() {
    assertThat(Kinematics.normalizeDegrees(-10), is(350.0));
    assertThat(Kinematics.normalizeDegrees(360), is(0.0));
    assertThat(Kinematics.normalizeDegrees(725), is(5.0));
    assertThat(Kinematics.normalizeDegrees(-1e-20), is(0.0));
  }

  @Test
  void anglesBetweenDirectionsWrapAroundNorth() {
    assertThat(Kinematics.angleBetween(350, 10), is(20.0));
    assertThat(Kinematics.angleBetween(10, 350), is(20.0));
    assertThat(Kinematics.angleBetween(90, 270), is(180.0));
  }

  @Test
  void accelerationsAreInStandardGravities() {
    assertThat(Kinematics.longitudinalG(-9.80665, 2), closeTo(-0.5, 1e-12));
    // 10 m/s turning at 0.980665 rad/s: 9.80665 m/s² towards the center of the turn.
    assertThat(Kinematics.lateralG(10, Math.toDegrees(0.980665)), closeTo(1.0, 1e-12));
    assertThat(Kinematics.lateralG(10, -Math.toDegrees(0.980665)), closeTo(-1.0, 1e-12));
  }
}
