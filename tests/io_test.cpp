#include "netdyn/io/io.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

#include "netdyn/io/atomic_file.hpp"
#include "support/matrices.hpp"

namespace {

using testing::AllOf;
using testing::HasSubstr;
using testing::ThrowsMessage;

std::string good(const std::string& name) {
  return std::string(NETDYN_TEST_DATA_DIR) + "/good/" + name;
}
std::string bad(const std::string& name) {
  return std::string(NETDYN_TEST_DATA_DIR) + "/bad/" + name;
}

using netdyn::testing::reference_matrix;

// A scratch directory removed at the end of each test.
class ScratchDir {
 public:
  ScratchDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("netdyn_io_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::size_t count() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path_),
                                                  std::filesystem::directory_iterator()));
  }

 private:
  std::filesystem::path path_;
};

// ---------------------------------------------------------------------------------------------
// Every supported encoding of the same 3x3 matrix reads back exactly (all entries are exactly
// representable in float32 too, so even the f4 file must match bit for bit).
class ReadsReferenceMatrix : public ::testing::TestWithParam<const char*> {};

TEST_P(ReadsReferenceMatrix, Exactly) {
  const Eigen::MatrixXd m = netdyn::read_matrix(good(GetParam()));
  ASSERT_EQ(m.rows(), 3);
  ASSERT_EQ(m.cols(), 3);
  EXPECT_EQ(m, reference_matrix()) << m;
}

INSTANTIATE_TEST_SUITE_P(AllFormats,
                         ReadsReferenceMatrix,
                         ::testing::Values("m_c_f8.npy",
                                           "m_fortran_f8.npy",
                                           "m_c_f4.npy",
                                           "m_big_endian.npy",
                                           "m_v2.npy",
                                           "m_v3.npy",
                                           "m_comments.csv",
                                           "m_whitespace.txt",
                                           "m_plain.dat",
                                           "m_coordinate.mtx",
                                           "m_array.mtx"));

TEST(ReadMatrix, MatrixMarketSymmetryIsExpanded) {
  const Eigen::MatrixXd s = netdyn::read_matrix(good("s_symmetric_expected.npy"));
  EXPECT_EQ(netdyn::read_matrix(good("s_symmetric.mtx")), s);
  EXPECT_EQ(netdyn::read_matrix(good("s_symmetric_array.mtx")), s);
  EXPECT_EQ(netdyn::read_matrix(good("k_skew.mtx")),
            netdyn::read_matrix(good("k_skew_expected.npy")));
}

TEST(ReadSparseMatrix, MatchesDenseAndSumsDuplicates) {
  const Eigen::SparseMatrix<double> s = netdyn::read_sparse_matrix(good("m_coordinate.mtx"));
  EXPECT_EQ(Eigen::MatrixXd(s), reference_matrix());
  EXPECT_EQ(s.nonZeros(), 9);  // the two (2,2) entries 5 + 0.5 were summed into one
  const Eigen::SparseMatrix<double> sym = netdyn::read_sparse_matrix(good("s_symmetric.mtx"));
  EXPECT_EQ(Eigen::MatrixXd(sym), netdyn::read_matrix(good("s_symmetric_expected.npy")));
  EXPECT_EQ(Eigen::MatrixXd(netdyn::read_sparse_matrix(good("m_c_f8.npy"))), reference_matrix());
}

// ---------------------------------------------------------------------------------------------
// Round trips through the writers: bit-exact for .npy, 17 significant digits for .csv.
TEST(WriteMatrix, NpyAndCsvRoundTripExactly) {
  ScratchDir dir;
  Eigen::MatrixXd m(2, 3);
  m << 1.0 / 3.0, -2e-300, 3.5e300, 0.1, -0.0, 7.0;
  netdyn::write_matrix(dir.file("m.npy"), m);
  netdyn::write_matrix(dir.file("m.csv"), m);
  EXPECT_EQ(netdyn::read_matrix(dir.file("m.npy")), m);
  EXPECT_EQ(netdyn::read_matrix(dir.file("m.csv")), m);
  EXPECT_EQ(dir.count(), 2U);  // no temporary files left behind
}

// A C-order float64 file larger than the reader's 64 x 64 transpose tiles, not square and not a
// multiple of 64, hand-written as NumPy's np.save(a) lays it out (row after row).
TEST(ReadMatrix, LargeCOrderNpyIsTransposedByTiles) {
  ScratchDir dir;
  const Eigen::Index rows = 70;
  const Eigen::Index cols = 131;
  std::string header = "{'descr': '<f8', 'fortran_order': False, 'shape': (70, 131), }";
  header.append(64 - (10 + header.size() + 1) % 64, ' ');
  header += '\n';
  std::ofstream out(dir.file("c.npy"), std::ios::binary);
  out.write("\x93NUMPY\x01\x00", 8);
  const auto len = static_cast<std::uint16_t>(header.size());
  out.put(static_cast<char>(len & 0xff)).put(static_cast<char>(len >> 8));
  out << header;
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < cols; ++j) {
      const double v = static_cast<double>(1000 * i + j);
      out.write(reinterpret_cast<const char*>(&v), sizeof v);
    }
  }
  out.close();
  const Eigen::MatrixXd m = netdyn::read_matrix(dir.file("c.npy"));
  ASSERT_EQ(m.rows(), rows);
  ASSERT_EQ(m.cols(), cols);
  for (Eigen::Index i = 0; i < rows; ++i) {
    for (Eigen::Index j = 0; j < cols; ++j) {
      ASSERT_EQ(m(i, j), static_cast<double>(1000 * i + j)) << i << "," << j;
    }
  }
}

TEST(WriteMatrix, ComplexNpyHasNumpyLayout) {
  ScratchDir dir;
  Eigen::MatrixXcd z(2, 2);
  z << std::complex<double>(1, 2), std::complex<double>(3, -4), std::complex<double>(-5, 0.5),
      std::complex<double>(0, 1);
  netdyn::write_matrix(dir.file("z.npy"), z);
  std::ifstream in(dir.file("z.npy"), std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(bytes.substr(1, 5), "NUMPY");
  EXPECT_THAT(bytes, HasSubstr("'descr': '<c16'"));
  EXPECT_THAT(bytes, HasSubstr("'fortran_order': True"));
  EXPECT_EQ(bytes.size() % 16, 0U);  // header padded to 64 bytes, data 4 x 16 bytes
  // Fortran order: z(0,0), z(1,0), z(0,1), z(1,1) as (re, im) pairs.
  const std::size_t data = bytes.size() - 4 * 16;
  double first[4];
  std::memcpy(first, bytes.data() + data, sizeof(first));
  EXPECT_EQ(first[0], 1.0);
  EXPECT_EQ(first[1], 2.0);
  EXPECT_EQ(first[2], -5.0);
  EXPECT_EQ(first[3], 0.5);
}

TEST(WriteSparseMatrix, RoundTrip) {
  ScratchDir dir;
  const Eigen::SparseMatrix<double> s = reference_matrix().sparseView();
  netdyn::write_sparse_matrix(dir.file("s.mtx"), s);
  EXPECT_EQ(Eigen::MatrixXd(netdyn::read_sparse_matrix(dir.file("s.mtx"))), reference_matrix());
}

TEST(WriteFileAtomically, FailureLeavesTargetUntouchedAndNoTemporary) {
  ScratchDir dir;
  const std::string target = dir.file("out.csv");
  netdyn::write_matrix(target, reference_matrix());
  EXPECT_THROW(netdyn::write_file_atomically(target,
                                             [](std::ostream& out) {
                                               out << "partial";
                                               throw std::runtime_error("disk on fire");
                                             }),
               std::runtime_error);
  EXPECT_EQ(netdyn::read_matrix(target), reference_matrix());
  EXPECT_EQ(dir.count(), 1U);
}

TEST(WriteFileAtomically, MissingDirectoryIsAClearError) {
  EXPECT_THAT([] { netdyn::write_matrix("/nonexistent-netdyn-dir/x.npy", reference_matrix()); },
              ThrowsMessage<std::invalid_argument>(HasSubstr("/nonexistent-netdyn-dir")));
}

TEST(WriteFileAtomically, FullDiskIsAClearErrorAndLeavesNothing) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  // /dev/full's directory is not writable for temporaries, so write into a scratch dir through a
  // stream that fails: emulate ENOSPC by setting badbit from the callback.
  ScratchDir dir;
  EXPECT_THAT(
      [&] {
        netdyn::write_file_atomically(dir.file("x.csv"),
                                      [](std::ostream& out) { out.setstate(std::ios::badbit); });
      },
      ThrowsMessage<std::invalid_argument>(HasSubstr("write failed")));
  EXPECT_EQ(dir.count(), 0U);
}

// ---------------------------------------------------------------------------------------------
// The bad-input catalogue (issue 2): one test per case, each message names the file and the
// position or value.
void expect_read_error(const std::string& path, const std::string& what) {
  EXPECT_THAT([&] { (void)netdyn::read_connectivity(path); },
              ThrowsMessage<std::invalid_argument>(AllOf(HasSubstr(path), HasSubstr(what))));
}

TEST(BadInput, MissingFile) {
  expect_read_error(bad("does_not_exist.csv"), "no such file");
}
TEST(BadInput, EmptyCsv) {
  expect_read_error(bad("empty.csv"), "file is empty");
}
TEST(BadInput, EmptyNpy) {
  expect_read_error(bad("empty.npy"), "file is empty");
}
// Fuzz finding (fuzz_npy): shape (0, 3) reached memcpy with a null buffer (UBSan).
TEST(BadInput, ZeroRowsNpy) {
  expect_read_error(bad("zero_rows.npy"), "matrix is empty");
}
TEST(BadInput, OnlyComments) {
  expect_read_error(bad("comments_only.csv"), "no numbers found");
}
TEST(BadInput, NonSquare) {
  expect_read_error(bad("nonsquare.csv"), "matrix is 2x3");
}
TEST(BadInput, RaggedRows) {
  expect_read_error(bad("ragged.csv"), "ragged.csv:3: row has 2 entries");
}
TEST(BadInput, NonNumericToken) {
  expect_read_error(bad("token.csv"), "token.csv:2:2: non-numeric token 'abc'");
}
TEST(BadInput, NanInCsv) {
  expect_read_error(bad("nan.csv"), "nan.csv:2:1: entry 'nan' is not finite");
}
TEST(BadInput, InfInText) {
  expect_read_error(bad("inf.txt"), "inf.txt:2:2: entry 'inf' is not finite");
}
TEST(BadInput, OverflowInCsv) {
  expect_read_error(bad("overflow.csv"), "overflow.csv:2:2: entry '1e999' is not finite");
}
TEST(BadInput, NanInNpy) {
  expect_read_error(bad("nan.npy"), "entry (row 2, column 3) is nan");
}
TEST(BadInput, NpyWrongMagic) {
  expect_read_error(bad("magic.npy"), "wrong magic bytes");
}
TEST(Read, NpyIntegerDtypeBecomesDouble) {
  // Integer .npy files (0/1 adjacency matrices, an edge list's indices) read as doubles.
  EXPECT_EQ(netdyn::read_matrix(bad("dtype_int64.npy")), Eigen::MatrixXd::Identity(3, 3));
}
TEST(BadInput, NpyComplexDtype) {
  expect_read_error(bad("dtype_complex.npy"), "unsupported dtype '<c16'");
}
TEST(BadInput, NpyTruncatedData) {
  expect_read_error(bad("truncated.npy"), "truncated data");
}
TEST(BadInput, NpyThreeDimensions) {
  expect_read_error(bad("shape3d.npy"), "3 dimensions");
}
// A header claiming 10^6 x 10^6 is refused from the header alone: no 8 TB allocation is tried.
TEST(BadInput, NpyHugeHeader) {
  expect_read_error(bad("huge_header.npy"), "1000000x1000000 exceeds the dense limit");
}
TEST(BadInput, MtxIndexOutOfRange) {
  expect_read_error(bad("index_range.mtx"), "index_range.mtx:4: row index 4 out of range 1..3");
}
TEST(BadInput, MtxTruncated) {
  expect_read_error(bad("truncated.mtx"), "expected 5 entries, found 2");
}
TEST(BadInput, MtxBadBanner) {
  expect_read_error(bad("banner.mtx"), "not a Matrix Market file");
}
TEST(BadInput, MtxPattern) {
  expect_read_error(bad("pattern.mtx"), "field 'pattern' is not supported");
}
TEST(BadInput, UnknownExtension) {
  expect_read_error(bad("matrix.xlsx"), "unknown extension '.xlsx'");
}
TEST(BadInput, Directory) {
  expect_read_error(NETDYN_TEST_DATA_DIR, "is a directory");
}

// The sparse reader refuses an impossible entry count before reserving memory for it.
TEST(BadInput, MtxHugeSizeLineSparse) {
  const std::string path = bad("huge.mtx");
  EXPECT_THAT([&] { (void)netdyn::read_sparse_matrix(path); },
              ThrowsMessage<std::invalid_argument>(
                  AllOf(HasSubstr(path), HasSubstr("claims 1000000000000 entries"))));
  expect_read_error(path, "claims 1000000000000 entries");
}

// Issue 22: a 3-line .mtx declaring n = 1e8 allocated gigabytes and died with std::bad_alloc.
// Refused from the size line, naming the file and the size, before anything is allocated.
TEST(BadInput, MtxAbsurdDimensionForItsEntries) {
  ScratchDir dir;
  const std::string path = dir.file("absurd.mtx");
  std::ofstream(path) << "%%MatrixMarket matrix coordinate real general\n"
                         "100000000 100000000 1\n"
                         "1 2 0.5\n";
  EXPECT_THAT([&] { (void)netdyn::read_sparse_matrix(path); },
              ThrowsMessage<std::invalid_argument>(AllOf(
                  HasSubstr(path), HasSubstr("100000000x100000000"), HasSubstr("1 entries"))));
  // Large and very sparse, but within the limit (n <= 64 x entries) is fine.
  const std::string sparse = dir.file("sparse.mtx");
  {
    std::ofstream out(sparse);
    out << "%%MatrixMarket matrix coordinate real general\n4000000 4000000 70000\n";
    for (int i = 1; i <= 70000; ++i) out << 50 * i + 1 << ' ' << 50 * i << " 1\n";
  }
  EXPECT_EQ(netdyn::read_sparse_matrix(sparse).nonZeros(), 70000);
}

// A UTF-8 byte-order mark (spreadsheet exports) is not part of the first number.
TEST(ReadMatrix, CsvWithByteOrderMark) {
  ScratchDir dir;
  const std::string path = dir.file("bom.csv");
  std::ofstream(path, std::ios::binary) << "\xEF\xBB\xBF"
                                           "1,2\n3,4\n";
  Eigen::MatrixXd expected(2, 2);
  expected << 1, 2, 3, 4;
  EXPECT_EQ(netdyn::read_connectivity(path), expected);
}

// Other invisible bytes in a token are shown, not printed raw (a non-breaking space here).
TEST(BadInput, InvisibleBytesInTokenAreNamed) {
  ScratchDir dir;
  const std::string path = dir.file("nbsp.csv");
  std::ofstream(path, std::ios::binary) << "1,2\n3,\xC2\xA0"
                                           "4\n";
  expect_read_error(path, "non-numeric token '\\xC2\\xA04'");
}

// The .npy header is a Python dict literal and NumPy evaluates it: a repeated key takes its last
// value (checked with numpy 1.24: {'shape': (2, 2), 'shape': (1, 4)} loads as 1x4). Read as
// NumPy reads it.
TEST(ReadMatrix, NpyDuplicateHeaderKeyLastWins) {
  ScratchDir dir;
  const std::string path = dir.file("dup.npy");
  std::string header =
      "{'descr': '<f4', 'fortran_order': True, 'shape': (3, 3), 'descr': '<f8', "
      "'fortran_order': False, 'shape': (2, 2), }";
  header.append(64 - (10 + header.size() + 1) % 64, ' ');
  header.push_back('\n');
  std::ofstream out(path, std::ios::binary);
  out << "\x93NUMPY" << '\x01' << '\x00';
  const auto len = static_cast<std::uint16_t>(header.size());
  out.put(static_cast<char>(len & 0xFF));
  out.put(static_cast<char>(len >> 8));
  out << header;
  const double values[4] = {1.0, 2.0, 3.0, 4.0};  // C order
  out.write(reinterpret_cast<const char*>(values), sizeof values);
  out.close();
  Eigen::MatrixXd expected(2, 2);
  expected << 1, 2, 3, 4;
  EXPECT_EQ(netdyn::read_connectivity(path), expected);
}

}  // namespace
