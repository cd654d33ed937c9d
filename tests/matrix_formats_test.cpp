// The container formats and edge lists of issue 21 (.mat v4/v5/v7.3, .h5, .npz, edge lists),
// FILE:NAME, the post-pre/pre-post convention and SHA-256 provenance. The files are written by
// tests/data/make_format_data.py with SciPy, h5py and NumPy, independent writers of each format.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "netdyn/io/edge_list.hpp"
#include "netdyn/io/io.hpp"
#include "netdyn/io/provenance.hpp"
#include "support/matrices.hpp"

namespace {

using testing::HasSubstr;
using testing::ThrowsMessage;

std::string formats(const std::string& name) {
  return std::string(NETDYN_TEST_DATA_DIR) + "/formats/" + name;
}

using netdyn::testing::reference_matrix;

void expect_error(const std::string& spec,
                  const std::string& fragment,
                  const netdyn::ReadOptions& options = {}) {
  EXPECT_THAT([&] { (void)netdyn::read_connectivity(spec, options); },
              ThrowsMessage<std::invalid_argument>(HasSubstr(fragment)))
      << spec;
}

netdyn::ReadOptions pre_post() {
  netdyn::ReadOptions o;
  o.convention = netdyn::Convention::kPrePost;
  return o;
}

// Every container encoding of the reference matrix reads back bit for bit, in the layout NumPy
// (and MATLAB) show: rows are rows.
class ReadsReferenceFromContainer : public ::testing::TestWithParam<const char*> {};

TEST_P(ReadsReferenceFromContainer, Exactly) {
  netdyn::MatrixFileInfo info;
  EXPECT_EQ(netdyn::read_matrix(formats(GetParam()), {}, &info), reference_matrix()) << GetParam();
  EXPECT_EQ(info.rows, 3);
  EXPECT_EQ(info.cols, 3);
  EXPECT_FALSE(info.variable.empty());
}

INSTANTIATE_TEST_SUITE_P(Formats,
                         ReadsReferenceFromContainer,
                         ::testing::Values("m_v5.mat",
                                           "m_v5_compressed.mat",
                                           "m_v4.mat",
                                           "m_v73.mat",
                                           "m_single.mat",
                                           "m.h5",
                                           "m.npz",
                                           "m_deflated.npz",
                                           "several.mat:W",
                                           "several.npz:W",
                                           "groups.h5:run1/W",
                                           "groups.h5:/run1/W"));

TEST(MatFormats, VersionsAreReported) {
  netdyn::MatrixFileInfo info;
  (void)netdyn::read_matrix(formats("m_v73.mat"), {}, &info);
  EXPECT_EQ(info.format, "mat-v7.3");
  EXPECT_EQ(info.variable, "M");
  (void)netdyn::read_matrix(formats("m_v5.mat"), {}, &info);
  EXPECT_EQ(info.format, "mat-v5");
  (void)netdyn::read_matrix(formats("m_v4.mat"), {}, &info);
  EXPECT_EQ(info.format, "mat-v4");
}

TEST(MatFormats, IntegerClassesBecomeDouble) {
  Eigen::MatrixXd expected(2, 2);
  expected << 1, -2, 3, 4;
  EXPECT_EQ(netdyn::read_matrix(formats("m_int32.mat")), expected);
  expected << 1, 2, 3, 4;
  EXPECT_EQ(netdyn::read_matrix(formats("m_int16.h5")), expected);
}

TEST(MatFormats, SparseStaysSparseAndMatchesMatrixMarket) {
  netdyn::MatrixFileInfo info;
  const Eigen::SparseMatrix<double> mat =
      netdyn::read_sparse_matrix(formats("sparse60.mat:S"), {}, &info);
  const Eigen::SparseMatrix<double> mtx = netdyn::read_sparse_matrix(formats("sparse60.mtx"));
  EXPECT_EQ(info.dtype, "sparse double");
  EXPECT_EQ(mat.rows(), 60);
  EXPECT_EQ(mat.nonZeros(), mtx.nonZeros());
  // The .mtx has 17 significant digits (mmwrite precision=17): the two routes agree bit for bit.
  EXPECT_EQ(Eigen::MatrixXd(mat), Eigen::MatrixXd(mtx));
  EXPECT_EQ(netdyn::read_matrix(formats("sparse60.mat")), Eigen::MatrixXd(mtx));
}

TEST(Containers, SeveralMatricesNeedANameAndTheErrorListsThem) {
  expect_error(formats("several.mat"), "holds 2 matrices; name one as");
  expect_error(formats("several.mat"), "W (3x3 double), C (1x3 double)");
  expect_error(formats("several.npz"), "W ((3, 3) <f8), C ((1, 3) <f8)");
  expect_error(formats("groups.h5"),
               "run1/W (3x3 float64), run2/W (3x3 float64), run2/rates (3 float64)");
}

TEST(Containers, AMissingNameListsWhatIsThere) {
  expect_error(formats("several.mat:V"),
               "no variable 'V'; it holds W (3x3 double), C (1x3 double), note (1x7 char)");
  expect_error(formats("m.h5:/nope"), "no dataset 'nope'; it holds M (3x3 float64)");
  expect_error(formats("m.npz:X"), "no member 'X'");
}

TEST(Containers, NamesApplyOnlyToContainers) {
  expect_error(std::string(NETDYN_TEST_DATA_DIR) + "/good/m_c_f8.npy:M",
               "holds one matrix; a name (':M') applies to .mat, .h5, .hdf5 and .npz files");
}

TEST(Containers, BadVariablesAreNamed) {
  expect_error(formats("complex.mat"), "complex.mat:W: is complex (3x3); need a real matrix");
  expect_error(formats("cell.mat"), "cell.mat:W: is a MATLAB cell");
  expect_error(formats("struct.mat"), "struct.mat:W: is a MATLAB struct (1x1)");
  expect_error(formats("three_d.mat"), "three_d.mat:W: has 3 dimensions (2x2x2)");
  expect_error(formats("nonsquare.mat"), "nonsquare.mat:W: matrix is 2x3");
  expect_error(formats("nan.mat"), "nan.mat:W: entry (row 2, column 3) is nan");
  expect_error(formats("empty.mat"), "empty.mat:W: matrix is empty");
  expect_error(formats("complex.h5"), "complex.h5:W: holds compound");
  expect_error(formats("three_d.h5"), "three_d.h5:W: is 2x2x2 (3 dimensions)");
  expect_error(formats("nan.h5"), "nan.h5:W: entry (row 2, column 3) is nan");
  expect_error(formats("complex.npz"), "complex.npz:W: header: unsupported dtype '<c16'");
  expect_error(formats("nan.npz"), "nan.npz:W: entry (row 2, column 3) is nan");
}

TEST(Containers, TruncatedAndCorruptFilesAreRefused) {
  // libmatio alone returns a v5 variable cut short with whatever memory held: the element
  // chain check turns that into an error.
  expect_error(
      formats("truncated.mat"),
      "truncated: the data element at byte 128 claims 115248 bytes but the file ends at 5000");
  expect_error(formats("truncated_v73.mat"),
               "no variable found (an empty, truncated or corrupt file?)");
  expect_error(formats("garbage.mat"), "not a MATLAB .mat file that libmatio can open");
  expect_error(formats("truncated.h5"), "truncated or corrupt");
  expect_error(formats("truncated.npz"), "not a readable .npz (zip) archive");
  // One flipped byte in a stored member: only the CRC-32 shows it.
  expect_error(formats("corrupt.npz"), "corrupt.npz:W: corrupt member (CRC error)");
}

TEST(Convention, PrePostTransposesAMatrixFile) {
  netdyn::MatrixFileInfo info;
  EXPECT_EQ(netdyn::read_matrix(formats("m.npz"), pre_post(), &info),
            reference_matrix().transpose());
  EXPECT_EQ(info.convention, netdyn::Convention::kPrePost);
  EXPECT_EQ(netdyn::parse_convention("post-pre"), netdyn::Convention::kPostPre);
  EXPECT_THROW((void)netdyn::parse_convention("pre_post"), std::invalid_argument);
}

TEST(EdgeLists, ReadInPostPreLayout) {
  // The files list M's entries as (source = column, target = row): W comes back as M.
  for (const char* name : {"edges_source_target.csv", "edges_ij.csv", "edges.npz"}) {
    netdyn::MatrixFileInfo info;
    EXPECT_EQ(netdyn::read_matrix(formats(name), pre_post(), &info), reference_matrix()) << name;
    EXPECT_TRUE(info.edge_list);
  }
  // Read the other way round, the unnamed i,j columns give the transpose: it is the convention,
  // not a guess, that decides.
  netdyn::ReadOptions post_pre;
  post_pre.convention = netdyn::Convention::kPostPre;
  EXPECT_EQ(netdyn::read_matrix(formats("edges_ij.csv"), post_pre), reference_matrix().transpose());
  EXPECT_EQ(Eigen::MatrixXd(netdyn::read_sparse_matrix(formats("edges.npz"), pre_post())),
            reference_matrix());
}

TEST(EdgeLists, NeedAConventionThatAgreesWithTheHeader) {
  expect_error(formats("edges_ij.csv"),
               "is an edge list; say which column is presynaptic with --convention");
  expect_error(formats("edges.npz"), "is an edge list; say which column");
  netdyn::ReadOptions post_pre;
  post_pre.convention = netdyn::Convention::kPostPre;
  expect_error(
      formats("edges_source_target.csv"),
      "the header says the first column 'source' is presynaptic, but --convention post-pre",
      post_pre);
  expect_error(formats("edges.npz"), "that is --convention pre-post, not post-pre", post_pre);
}

TEST(EdgeLists, BadRowsAreNamed) {
  expect_error(formats("edges_negative.csv"),
               "edges_negative.csv:3:1: first index -1 is not a non-negative integer",
               pre_post());
  expect_error(
      formats("edges_fraction.csv"), "edges_fraction.csv:2:2: second index 1.5", pre_post());
  expect_error(
      formats("edges_nan.csv"), "edges_nan.csv:2:3: weight 'nan' is not finite", pre_post());
  expect_error(formats("edges_nodes.csv"), "index 2 is out of range for '# nodes: 2'", pre_post());
}

TEST(EdgeLists, WriteAndReadBackWithBothConventions) {
  const auto dir = std::filesystem::temp_directory_path() / "netdyn_edge_list_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  Eigen::MatrixXd w = reference_matrix();
  w(0, 1) = 0.0;        // a missing edge stays missing
  w(2, 2) = 0.1 + 0.2;  // 17 digits: read back exactly
  const Eigen::SparseMatrix<double> sparse = w.sparseView();
  for (const auto convention : {netdyn::Convention::kPrePost, netdyn::Convention::kPostPre}) {
    netdyn::ReadOptions options;
    options.convention = convention;
    const std::string csv = (dir / "w.csv").string();
    netdyn::write_edge_list(csv, sparse, convention);
    EXPECT_EQ(netdyn::read_matrix(csv, options), w) << netdyn::to_string(convention);
    // Read with the other convention, the named header refuses instead of transposing.
    netdyn::ReadOptions other;
    other.convention = convention == netdyn::Convention::kPrePost ? netdyn::Convention::kPostPre
                                                                  : netdyn::Convention::kPrePost;
    EXPECT_THROW((void)netdyn::read_matrix(csv, other), std::invalid_argument);
  }
  const std::string npz = (dir / "w.npz").string();
  netdyn::write_edge_list(npz, sparse, netdyn::Convention::kPrePost);
  EXPECT_EQ(netdyn::read_matrix(npz, pre_post()), w);
  EXPECT_THROW(netdyn::write_edge_list(npz, sparse, netdyn::Convention::kPostPre),
               std::invalid_argument);
  std::filesystem::remove_all(dir);
}

TEST(MatrixSpec, SplitsAtTheLastColonWhosePrefixIsAFile) {
  const std::string file = formats("groups.h5");
  EXPECT_EQ(netdyn::parse_matrix_spec(file).variable, "");
  const netdyn::MatrixSpec s = netdyn::parse_matrix_spec(file + ":/run2/W");
  EXPECT_EQ(s.path, file);
  EXPECT_EQ(s.variable, "/run2/W");
  EXPECT_EQ(s.label(), file + ":/run2/W");
  // A path that does not exist stays whole, so the error says "no such file" about it.
  EXPECT_EQ(netdyn::parse_matrix_spec("missing.mat:W").path, "missing.mat:W");
  expect_error("missing.mat:W", "missing.mat:W: no such file");
}

TEST(MatrixSpec, RelativePathsWork) {
  const auto previous = std::filesystem::current_path();
  std::filesystem::current_path(formats(""));
  EXPECT_EQ(netdyn::read_matrix("several.mat:W"), reference_matrix());
  EXPECT_EQ(netdyn::read_matrix("./groups.h5:run1/W"), reference_matrix());
  std::filesystem::current_path(previous);
}

TEST(Provenance, Sha256MatchesTheStandardVectors) {
  // FIPS 180-2 test vectors.
  EXPECT_EQ(netdyn::sha256_bytes("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(netdyn::sha256_bytes(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  const auto path = std::filesystem::temp_directory_path() / "netdyn_sha_test.txt";
  {
    std::ofstream out(path, std::ios::binary);
    out << std::string(1000000, 'a');  // crosses the reader's 1 MiB buffer boundary
  }
  EXPECT_EQ(netdyn::sha256_file(path.string()),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  std::filesystem::remove(path);
}

}  // namespace
