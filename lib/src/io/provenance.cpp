#include "netdyn/io/provenance.hpp"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <memory>
#include <stdexcept>
#include <vector>

#include "io/io_formats.hpp"

namespace netdyn {
namespace {

class Sha256 {
 public:
  Sha256() : ctx_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
    if (!ctx_ || EVP_DigestInit_ex(ctx_.get(), EVP_sha256(), nullptr) != 1) {
      throw std::runtime_error("OpenSSL: cannot initialise SHA-256");
    }
  }
  void update(const char* data, std::size_t size) {
    if (EVP_DigestUpdate(ctx_.get(), data, size) != 1) {
      throw std::runtime_error("OpenSSL: SHA-256 update failed");
    }
  }
  std::string hex() {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(ctx_.get(), digest.data(), &length) != 1) {
      throw std::runtime_error("OpenSSL: SHA-256 final failed");
    }
    static const char* const kHex = "0123456789abcdef";
    std::string out;
    for (unsigned int k = 0; k < length; ++k) {
      out.push_back(kHex[digest[k] >> 4]);
      out.push_back(kHex[digest[k] & 0xF]);
    }
    return out;
  }

 private:
  std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx_;
};

}  // namespace

std::string sha256_file(const std::string& path) {
  (void)detail::checked_file_size(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) detail::input_error(path, "cannot open for reading");
  Sha256 sha;
  std::vector<char> buffer(std::size_t{1} << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    const std::streamsize got = in.gcount();
    if (got > 0) sha.update(buffer.data(), static_cast<std::size_t>(got));
  }
  if (in.bad()) detail::input_error(path, "read error");
  return sha.hex();
}

std::string sha256_bytes(const std::string& bytes) {
  Sha256 sha;
  sha.update(bytes.data(), bytes.size());
  return sha.hex();
}

const char* netdyn_version() {
  return NETDYN_VERSION;
}

}  // namespace netdyn
