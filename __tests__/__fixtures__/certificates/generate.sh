#!/usr/bin/env bash
# Regenerates the certificate fixtures in this folder with openssl 3 (run from anywhere):
#   bash __tests__/__fixtures__/certificates/generate.sh
# Every validity window is fixed (openssl ca -startdate/-enddate), so tests pin their clock and
# the fixtures never go stale. CA private keys stay in a temporary folder and are thrown away;
# the only keys committed are the throwaway ones that tests need to see refused (key-*).
set -euo pipefail

OUT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
mkdir new && touch index.txt && echo 1000 > serial

START=20240101000000Z
END_ROOT=20440101000000Z     # UTCTime (before 2050)
END_LONG=20740101000000Z     # 50 years: GeneralizedTime (2050 and later)
END_INTERMEDIATE=20340101000000Z

cat > ca.cnf <<'CNF'
oid_section = fixture_oids
[ fixture_oids ]
# Unknown to a stock openssl, so it prints the dotted OID.
fixtureAttribute = 1.3.6.1.4.1.55555.1
[ ca ]
default_ca = fixture_ca
[ fixture_ca ]
dir = .
database = ./index.txt
new_certs_dir = ./new
serial = ./serial
default_md = sha256
policy = policy_any
unique_subject = no
[ policy_any ]
commonName = optional
[ req ]
distinguished_name = dn
prompt = no
string_mask = utf8only
[ dn ]
CN = unused
CNF

# string_mask picks the ASN.1 string type of non-ASCII values: pkix -> BMPString, default -> T61String
sed 's/^string_mask = utf8only/string_mask = pkix/' ca.cnf > req-bmp.cnf
sed 's/^string_mask = utf8only/string_mask = default/' ca.cnf > req-t61.cnf

cat > ext.cnf <<'CNF'
[ root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash

[ root_without_ski ]
subjectKeyIdentifier = none
authorityKeyIdentifier = none
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign

[ forged_root ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = $ENV::FORGED_SKI

[ intermediate ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always

[ intermediate_with_crl ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:ldap://ldap.example.test/cn=Fixture%20RSA%20Root%20CA?certificateRevocationList, URI:http://crl.example.test/rsa-root.crl, URI:http://crl2.example.test/rsa-root.crl
freshestCRL = URI:http://crl.example.test/rsa-root-delta.crl

[ intermediate_with_https_crl ]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:https://crl.example.test/ec-root.crl

[ leaf ]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature
extendedKeyUsage = clientAuth
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
crlDistributionPoints = URI:http://crl.example.test/rsa-issuing.crl

[ no_keycertsign ]
basicConstraints = critical, CA:TRUE
keyUsage = critical, digitalSignature, cRLSign
subjectKeyIdentifier = hash

[ no_basic_constraints ]
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
CNF

key() { # name algorithm-args...
  local name=$1; shift
  openssl genpkey "$@" -out "$name.key" 2>/dev/null
}

# sign NAME SUBJECT ISSUER|self START END [EXT_SECTION] [ca options...]
sign() {
  local name=$1 subject=$2 issuer=$3 start=$4 end=$5 section=${6:-}
  shift 6 || shift $#
  openssl req -new -utf8 -config "${REQ_CNF:-ca.cnf}" -key "$name.key" -subj "$subject" -out "$name.csr"
  local args=(-batch -config ca.cnf -notext -preserveDN -utf8 -startdate "$start" -enddate "$end" -in "$name.csr" -out "$name.pem")
  if [ "$issuer" = self ]; then args+=(-selfsign -keyfile "$name.key"); else args+=(-cert "$issuer.pem" -keyfile "$issuer.key"); fi
  if [ -n "$section" ]; then args+=(-extfile ext.cnf -extensions "$section"); fi
  openssl ca "${args[@]}" "$@" >ca.log 2>&1 || { cat ca.log >&2; exit 1; }
}

# ext.cnf reads FORGED_SKI when loaded, so it needs a value before the forged root sets the real one.
export FORGED_SKI=hash
rsa=(-algorithm RSA -pkeyopt rsa_keygen_bits:2048)

# RSA root (50 years, notAfter as GeneralizedTime) -> issuing CA with CRL DP + freshest CRL -> leaf
key rsa-root "${rsa[@]}"
sign rsa-root "/C=US/O=Fixture Corp/CN=Fixture RSA Root CA" self $START $END_LONG root
key rsa-intermediate "${rsa[@]}"
sign rsa-intermediate "/C=US/O=Fixture Corp/OU=Issuing/CN=Fixture RSA Issuing CA" rsa-root $START $END_INTERMEDIATE intermediate_with_crl
key rsa-leaf -algorithm EC -pkeyopt ec_paramgen_curve:P-256
sign rsa-leaf "/C=US/O=Fixture Corp/CN=fixture-client" rsa-intermediate $START $END_INTERMEDIATE leaf

# ECDSA: P-384 root -> P-256 issuing CA (https-only CRL DP); P-521 root
key ec-p384-root -algorithm EC -pkeyopt ec_paramgen_curve:P-384
sign ec-p384-root "/C=US/O=Fixture Corp/CN=Fixture ECC P-384 Root CA" self $START $END_ROOT root -md sha384
key ec-p256-intermediate -algorithm EC -pkeyopt ec_paramgen_curve:P-256
sign ec-p256-intermediate "/C=US/O=Fixture Corp/CN=Fixture ECC P-256 Issuing CA" ec-p384-root $START $END_INTERMEDIATE intermediate_with_https_crl -md sha384
key ec-p521-root -algorithm EC -pkeyopt ec_paramgen_curve:P-521
sign ec-p521-root "/C=US/O=Fixture Corp/CN=Fixture ECC P-521 Root CA" self $START $END_ROOT root -md sha512

# Ed25519 root -> Ed25519 issuing CA (EdDSA takes no digest)
key ed25519-root -algorithm ED25519
sign ed25519-root "/C=US/O=Fixture Corp/CN=Fixture Ed25519 Root CA" self $START $END_ROOT root -md default
key ed25519-intermediate -algorithm ED25519
sign ed25519-intermediate "/C=US/O=Fixture Corp/CN=Fixture Ed25519 Issuing CA" ed25519-root $START $END_INTERMEDIATE intermediate -md default

# A root without subjectKeyIdentifier (SKI by RFC 5280 method 1)
key no-ski-root "${rsa[@]}"
sign no-ski-root "/C=US/O=Fixture Corp/CN=Fixture Root CA Without SKI" self $START $END_ROOT root_without_ski

# X.509 v1: a self-signed root (accepted, warned) and one signed by the RSA root (refused)
key v1-root "${rsa[@]}"
sign v1-root "/C=US/O=Fixture Corp/CN=Fixture V1 Root CA" self $START $END_ROOT
key v1-intermediate "${rsa[@]}"
sign v1-intermediate "/C=US/O=Fixture Corp/CN=Fixture V1 Issuing CA" rsa-root $START $END_INTERMEDIATE

# Not CAs
key no-keycertsign-ca "${rsa[@]}"
sign no-keycertsign-ca "/C=US/O=Fixture Corp/CN=Fixture CA Without keyCertSign" self $START $END_ROOT no_keycertsign
key no-basic-constraints "${rsa[@]}"
sign no-basic-constraints "/C=US/O=Fixture Corp/CN=Fixture CA Without basicConstraints" self $START $END_ROOT no_basic_constraints

# Out of their validity window
key expired-root "${rsa[@]}"
sign expired-root "/C=US/O=Fixture Corp/CN=Fixture Expired Root CA" self 20000101000000Z 20100101000000Z root
key not-yet-valid-root "${rsa[@]}"
sign not-yet-valid-root "/C=US/O=Fixture Corp/CN=Fixture Future Root CA" self 20900101000000Z 20950101000000Z root

# Same subject and SKI as the RSA root, another key: what it signs does not verify against the RSA root
FORGED_SKI="$(openssl x509 -in rsa-root.pem -noout -ext subjectKeyIdentifier | tail -1 | tr -d ' ')"
export FORGED_SKI
key forged-root "${rsa[@]}"
sign forged-root "/C=US/O=Fixture Corp/CN=Fixture RSA Root CA" self $START $END_ROOT forged_root
key forged-intermediate "${rsa[@]}"
sign forged-intermediate "/C=US/O=Fixture Corp/CN=Fixture Forged Issuing CA" forged-root $START $END_INTERMEDIATE intermediate

# A root kept out of the set (stands for the tenant's store) and an intermediate it signed
key store-root "${rsa[@]}"
sign store-root "/C=US/O=Fixture Corp/CN=Fixture Store Root CA" self $START $END_ROOT root
key orphan-intermediate "${rsa[@]}"
sign orphan-intermediate "/C=US/O=Fixture Corp/CN=Fixture Orphan Issuing CA" store-root $START $END_INTERMEDIATE intermediate

# Names that need escaping: multi-valued RDN, UTF-8 beyond the BMP, RFC 4514 specials, an unknown OID
key dn-special-root "${rsa[@]}"
sign dn-special-root "/DC=test/DC=example/O=Fixture\, Söhne & Co+OU=R\+D/CN=\#1 \"Root\" <CA>; x\\\\y \\/ end /fixtureAttribute=custom value/2.5.4.97=VATDE-123456789/emailAddress=ca@example.test/serialNumber=42/UID=uid-1/title=Zertifizierungsstelle ünï 😀" self $START $END_ROOT root

key dn-bmp-root "${rsa[@]}"
REQ_CNF=req-bmp.cnf sign dn-bmp-root "/C=DE/O=Bürger AG/CN=Fixture BMPString Root CA ✓" self $START $END_ROOT root
key dn-t61-root "${rsa[@]}"
REQ_CNF=req-t61.cnf sign dn-t61-root "/C=FR/O=Société Fixture/CN=Fixture T61String Root CA" self $START $END_ROOT root

cp rsa-root.pem rsa-intermediate.pem rsa-leaf.pem ec-p521-root.pem ed25519-root.pem ed25519-intermediate.pem \
  no-ski-root.pem v1-root.pem v1-intermediate.pem no-keycertsign-ca.pem no-basic-constraints.pem \
  expired-root.pem not-yet-valid-root.pem forged-intermediate.pem store-root.pem orphan-intermediate.pem \
  dn-special-root.pem dn-bmp-root.pem dn-t61-root.pem "$OUT/"

# Encodings and containers
openssl x509 -in rsa-root.pem -outform DER -out "$OUT/rsa-root.cer"
openssl crl2pkcs7 -nocrl -certfile rsa-root.pem -certfile rsa-intermediate.pem -out "$OUT/rsa-chain.p7b"
openssl crl2pkcs7 -nocrl -certfile rsa-root.pem -certfile rsa-intermediate.pem -outform DER -out "$OUT/rsa-chain.p7c"
openssl crl2pkcs7 -nocrl -out "$OUT/empty.p7b"
{
  echo "# ECDSA fixtures: P-384 root, P-256 issuing CA, P-521 root"
  openssl x509 -in ec-p384-root.pem -subject -noout; cat ec-p384-root.pem
  echo; cat ec-p256-intermediate.pem
  echo "some text between blocks"; cat ec-p521-root.pem
} > "$OUT/ec-chain.pem"
openssl x509 -in ed25519-root.pem -trustout -addtrust clientAuth -out "$OUT/trusted-ed25519-root.pem"

# Not certificates
printf 'This is not a certificate.\nJust some text.\n' > "$OUT/garbage.crt"
printf '\x30\x82\x05\x00\x02\x01\x01\x30' > "$OUT/truncated.der"
head -n 8 rsa-root.pem > "$OUT/truncated.pem"
printf -- '-----BEGIN CERTIFICATE-----\nMIIB!!!not*base64@@@\n-----END CERTIFICATE-----\n' > "$OUT/bad-base64.pem"
{ echo '-----BEGIN CERTIFICATE-----'; printf 'this decodes fine but is no DER' | openssl base64; echo '-----END CERTIFICATE-----'; } > "$OUT/bad-der.pem"
openssl req -new -config ca.cnf -key rsa-leaf.key -subj "/CN=fixture-request" -out "$OUT/request.csr"

# Private keys (throwaway, generated only to be refused)
key key-p256 -algorithm EC -pkeyopt ec_paramgen_curve:P-256
key key-rsa "${rsa[@]}"
cp key-p256.key "$OUT/key-pkcs8.pem"
openssl pkey -in key-p256.key -outform DER -out "$OUT/key-pkcs8.der"
openssl ec -in key-p256.key -outform DER -out "$OUT/key-ec.der" 2>/dev/null
openssl rsa -in key-rsa.key -traditional -out "$OUT/key-rsa-traditional.pem" 2>/dev/null
openssl rsa -in key-rsa.key -traditional -outform DER -out "$OUT/key-rsa.der" 2>/dev/null
openssl pkey -in key-rsa.key -aes-256-cbc -passout pass:fixture -out "$OUT/key-encrypted.pem"
cat rsa-intermediate.pem key-rsa.key > "$OUT/cert-with-key.pem"
cat "$OUT/rsa-root.cer" "$OUT/key-pkcs8.der" > "$OUT/cert-with-key.der"

echo "fixtures written to $OUT"
