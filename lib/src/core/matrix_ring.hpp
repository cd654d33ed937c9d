#pragma once
// Private: a bounded buffer between one thread that forms a sequence of matrices M_0, M_1, ...
// (each from the previous one) and threads that read them, each matrix a known number of times.
// The producer may run at most `slots - 1` matrices ahead of the slowest reader, so memory stays
// at `slots` matrices however long the sequence (transient_envelope: one slot per 2 MB at
// n = 500, 32 MB at n = 2000). If a thread fails, `abort()` wakes every waiter, which then
// throws, so nobody waits forever.
#include <Eigen/Core>
#include <condition_variable>
#include <mutex>
#include <stdexcept>
#include <utility>
#include <vector>

#include "core/first_touch.hpp"

namespace netdyn::detail {

class MatrixRing {
 public:
  struct Aborted : std::runtime_error {
    Aborted() : std::runtime_error("MatrixRing: aborted by another thread") {}
  };

  /// `slots` matrices of rows x cols, reusing the storage of `buffers` where given (a fresh
  /// buffer costs the first touch of its pages).
  MatrixRing(Eigen::Index rows,
             Eigen::Index cols,
             std::vector<Eigen::MatrixXd> buffers,
             int slots) {
    buffers.resize(static_cast<std::size_t>(slots));
    for (Eigen::MatrixXd& b : buffers) {
      resize_populated(b, rows, cols);
      slots_.push_back(Slot{std::move(b), -1, 0, false});
    }
  }

  /// Producer: the storage for M_m, once every read of M_{m - slots} is done. Fill it, then call
  /// publish(m, reads).
  Eigen::MatrixXd& slot_for(Eigen::Index m) {
    Slot& s = slot(m);
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return aborted_ || s.reads_left == 0; });
    if (aborted_) throw Aborted();
    s.ready = false;
    s.index = m;
    return s.matrix;
  }

  /// Producer: M_m is complete and will be read `reads` times.
  void publish(Eigen::Index m, int reads) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      Slot& s = slot(m);
      s.reads_left = reads;
      s.ready = true;
    }
    changed_.notify_all();
  }

  /// Reader: M_m, once published. Call done(m) after the last use.
  const Eigen::MatrixXd& wait_for(Eigen::Index m) {
    Slot& s = slot(m);
    std::unique_lock<std::mutex> lock(mutex_);
    changed_.wait(lock, [&] { return aborted_ || (s.index == m && s.ready); });
    if (aborted_) throw Aborted();
    return s.matrix;
  }

  void done(Eigen::Index m) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      --slot(m).reads_left;
    }
    changed_.notify_all();
  }

  void abort() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      aborted_ = true;
    }
    changed_.notify_all();
  }

 private:
  struct Slot {
    Eigen::MatrixXd matrix;
    Eigen::Index index;  // m of the matrix held, -1 before the first
    int reads_left;      // reads of M_index still to come; 0: the slot may be refilled
    bool ready;
  };
  Slot& slot(Eigen::Index m) { return slots_[static_cast<std::size_t>(m) % slots_.size()]; }

  std::vector<Slot> slots_;
  std::mutex mutex_;
  std::condition_variable changed_;
  bool aborted_ = false;
};

}  // namespace netdyn::detail
