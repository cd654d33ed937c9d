#include "netdyn/dynamics/nullclines.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <stdexcept>

#include "netdyn/models/fitzhugh_nagumo.hpp"

namespace {

using ::testing::HasSubstr;
using ::testing::ThrowsMessage;

// Both nullclines are zero sets of the vector field: F vanishes componentwise along them.
TEST(FitzHughNagumoNullclines, VectorFieldVanishesAlongEachNullcline) {
  const netdyn::FitzHughNagumo model;  // I = 0.3, tau = 12.5, a = 0.7, b = 0.8
  const netdyn::Nullclines n = netdyn::fitzhugh_nagumo_nullclines(model, -2.5, 2.5, 101);
  ASSERT_EQ(n.v.size(), 101);
  EXPECT_DOUBLE_EQ(n.v(0), -2.5);
  EXPECT_DOUBLE_EQ(n.v(100), 2.5);
  for (Eigen::Index k = 0; k < n.v.size(); ++k) {
    const Eigen::Vector2d on_first(n.v(k), n.first_nullcline_w(k));
    const Eigen::Vector2d on_second(n.v(k), n.second_nullcline_w(k));
    EXPECT_NEAR(model.field(on_first)(0), 0.0, 1e-14) << "v = " << n.v(k);
    EXPECT_NEAR(model.field(on_second)(1), 0.0, 1e-14) << "v = " << n.v(k);
  }
}

// They cross at the fixed point (science.md 6.4: I = 0.3, v* = -0.993297474550,
// w* = -0.366621843187).
TEST(FitzHughNagumoNullclines, CrossAtTheFixedPoint) {
  const netdyn::FitzHughNagumo model;
  const double v_star = -0.993297474550;
  const netdyn::Nullclines n = netdyn::fitzhugh_nagumo_nullclines(model, v_star, 1.0, 2);
  EXPECT_NEAR(n.first_nullcline_w(0), -0.366621843187, 1e-11);
  EXPECT_NEAR(n.second_nullcline_w(0), -0.366621843187, 1e-11);
}

TEST(FitzHughNagumoNullclines, RejectsBadArguments) {
  const netdyn::FitzHughNagumo model;
  EXPECT_THAT([&] { (void)netdyn::fitzhugh_nagumo_nullclines(model, 1.0, -1.0); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("need finite v_min < v_max")));
  EXPECT_THAT([&] { (void)netdyn::fitzhugh_nagumo_nullclines(model, -1.0, 1.0, 1); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("points = 1")));
  netdyn::FitzHughNagumo vertical = model;
  vertical.b = 0.0;
  EXPECT_THAT([&] { (void)netdyn::fitzhugh_nagumo_nullclines(vertical, -1.0, 1.0); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("b must be non-zero")));
}

}  // namespace
