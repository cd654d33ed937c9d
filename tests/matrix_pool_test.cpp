// The private work-matrix pool (lib/src/core/matrix_pool.hpp) and the populated buffers it hands
// out (lib/src/core/first_touch.hpp): recycling, sizes, and buffers outliving the pool.
#include "core/matrix_pool.hpp"

#include <gtest/gtest.h>

#include <memory>

#include "core/first_touch.hpp"

namespace {

TEST(FirstTouch, ResizePopulatedKeepsTheBufferOfTheSameSize) {
  Eigen::MatrixXd m = netdyn::detail::populated_matrix(600, 600);  // 2.9 MB: populated
  ASSERT_EQ(m.rows(), 600);
  ASSERT_EQ(m.cols(), 600);
  m.setConstant(2.5);  // every page writable
  const double* data = m.data();
  netdyn::detail::resize_populated(m, 600, 600);
  EXPECT_EQ(m.data(), data);
  EXPECT_EQ(m(599, 599), 2.5);                     // unchanged, as Eigen's resize to the same size
  netdyn::detail::resize_populated(m, 300, 1200);  // same size, other shape: reshaped in place
  EXPECT_EQ(m.rows(), 300);
  EXPECT_EQ(m.cols(), 1200);
  netdyn::detail::resize_populated(m, 3, 4);  // small: an ordinary allocation
  m.setOnes();
  EXPECT_EQ(m.sum(), 12.0);
}

TEST(MatrixPool, RecyclesGivenBuffersAndIgnoresOtherSizes) {
  const netdyn::detail::MatrixPool pool(400, 400);
  Eigen::MatrixXd a = pool.take();
  ASSERT_EQ(a.rows(), 400);
  ASSERT_EQ(a.cols(), 400);
  const double* data = a.data();
  pool.give(std::move(a));
  Eigen::MatrixXd b = pool.take();
  EXPECT_EQ(b.data(), data);
  pool.give(Eigen::MatrixXd(3, 3));  // not the pool's size: dropped
  const Eigen::MatrixXd c = pool.take();
  EXPECT_EQ(c.rows(), 400);
  EXPECT_NE(c.data(), data);  // b still holds the recycled one
}

TEST(MatrixPool, SharedMatricesComeBackWhenDroppedEvenAfterThePool) {
  std::shared_ptr<Eigen::MatrixXd> survivor;
  const double* data = nullptr;
  {
    const netdyn::detail::MatrixPool pool(300, 300);
    auto m = pool.shared();
    m->setIdentity();
    data = m->data();
    m.reset();  // back into the pool
    auto again = pool.shared();
    EXPECT_EQ(again->data(), data);
    survivor = again;
  }
  // The pool is gone; its free list lives on in the deleter and goes with the last matrix.
  EXPECT_EQ(survivor->rows(), 300);
  (*survivor)(299, 0) = 1.0;
  survivor.reset();
}

}  // namespace
