import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 7357:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/**
 * Javascript implementation of Abstract Syntax Notation Number One.
 *
 * @author Dave Longley
 *
 * Copyright (c) 2010-2015 Digital Bazaar, Inc.
 *
 * An API for storing data using the Abstract Syntax Notation Number One
 * format using DER (Distinguished Encoding Rules) encoding. This encoding is
 * commonly used to store data for PKI, i.e. X.509 Certificates, and this
 * implementation exists for that purpose.
 *
 * Abstract Syntax Notation Number One (ASN.1) is used to define the abstract
 * syntax of information without restricting the way the information is encoded
 * for transmission. It provides a standard that allows for open systems
 * communication. ASN.1 defines the syntax of information data and a number of
 * simple data types as well as a notation for describing them and specifying
 * values for them.
 *
 * The RSA algorithm creates public and private keys that are often stored in
 * X.509 or PKCS#X formats -- which use ASN.1 (encoded in DER format). This
 * class provides the most basic functionality required to store and load DSA
 * keys that are encoded according to ASN.1.
 *
 * The most common binary encodings for ASN.1 are BER (Basic Encoding Rules)
 * and DER (Distinguished Encoding Rules). DER is just a subset of BER that
 * has stricter requirements for how data must be encoded.
 *
 * Each ASN.1 structure has a tag (a byte identifying the ASN.1 structure type)
 * and a byte array for the value of this ASN1 structure which may be data or a
 * list of ASN.1 structures.
 *
 * Each ASN.1 structure using BER is (Tag-Length-Value):
 *
 * | byte 0 | bytes X | bytes Y |
 * |--------|---------|----------
 * |  tag   | length  |  value  |
 *
 * ASN.1 allows for tags to be of "High-tag-number form" which allows a tag to
 * be two or more octets, but that is not supported by this class. A tag is
 * only 1 byte. Bits 1-5 give the tag number (ie the data type within a
 * particular 'class'), 6 indicates whether or not the ASN.1 value is
 * constructed from other ASN.1 values, and bits 7 and 8 give the 'class'. If
 * bits 7 and 8 are both zero, the class is UNIVERSAL. If only bit 7 is set,
 * then the class is APPLICATION. If only bit 8 is set, then the class is
 * CONTEXT_SPECIFIC. If both bits 7 and 8 are set, then the class is PRIVATE.
 * The tag numbers for the data types for the class UNIVERSAL are listed below:
 *
 * UNIVERSAL 0 Reserved for use by the encoding rules
 * UNIVERSAL 1 Boolean type
 * UNIVERSAL 2 Integer type
 * UNIVERSAL 3 Bitstring type
 * UNIVERSAL 4 Octetstring type
 * UNIVERSAL 5 Null type
 * UNIVERSAL 6 Object identifier type
 * UNIVERSAL 7 Object descriptor type
 * UNIVERSAL 8 External type and Instance-of type
 * UNIVERSAL 9 Real type
 * UNIVERSAL 10 Enumerated type
 * UNIVERSAL 11 Embedded-pdv type
 * UNIVERSAL 12 UTF8String type
 * UNIVERSAL 13 Relative object identifier type
 * UNIVERSAL 14-15 Reserved for future editions
 * UNIVERSAL 16 Sequence and Sequence-of types
 * UNIVERSAL 17 Set and Set-of types
 * UNIVERSAL 18-22, 25-30 Character string types
 * UNIVERSAL 23-24 Time types
 *
 * The length of an ASN.1 structure is specified after the tag identifier.
 * There is a definite form and an indefinite form. The indefinite form may
 * be used if the encoding is constructed and not all immediately available.
 * The indefinite form is encoded using a length byte with only the 8th bit
 * set. The end of the constructed object is marked using end-of-contents
 * octets (two zero bytes).
 *
 * The definite form looks like this:
 *
 * The length may take up 1 or more bytes, it depends on the length of the
 * value of the ASN.1 structure. DER encoding requires that if the ASN.1
 * structure has a value that has a length greater than 127, more than 1 byte
 * will be used to store its length, otherwise just one byte will be used.
 * This is strict.
 *
 * In the case that the length of the ASN.1 value is less than 127, 1 octet
 * (byte) is used to store the "short form" length. The 8th bit has a value of
 * 0 indicating the length is "short form" and not "long form" and bits 7-1
 * give the length of the data. (The 8th bit is the left-most, most significant
 * bit: also known as big endian or network format).
 *
 * In the case that the length of the ASN.1 value is greater than 127, 2 to
 * 127 octets (bytes) are used to store the "long form" length. The first
 * byte's 8th bit is set to 1 to indicate the length is "long form." Bits 7-1
 * give the number of additional octets. All following octets are in base 256
 * with the most significant digit first (typical big-endian binary unsigned
 * integer storage). So, for instance, if the length of a value was 257, the
 * first byte would be set to:
 *
 * 10000010 = 130 = 0x82.
 *
 * This indicates there are 2 octets (base 256) for the length. The second and
 * third bytes (the octets just mentioned) would store the length in base 256:
 *
 * octet 2: 00000001 = 1 * 256^1 = 256
 * octet 3: 00000001 = 1 * 256^0 = 1
 * total = 257
 *
 * The algorithm for converting a js integer value of 257 to base-256 is:
 *
 * var value = 257;
 * var bytes = [];
 * bytes[0] = (value >>> 8) & 0xFF; // most significant byte first
 * bytes[1] = value & 0xFF;        // least significant byte last
 *
 * On the ASN.1 UNIVERSAL Object Identifier (OID) type:
 *
 * An OID can be written like: "value1.value2.value3...valueN"
 *
 * The DER encoding rules:
 *
 * The first byte has the value 40 * value1 + value2.
 * The following bytes, if any, encode the remaining values. Each value is
 * encoded in base 128, most significant digit first (big endian), with as
 * few digits as possible, and the most significant bit of each byte set
 * to 1 except the last in each value's encoding. For example: Given the
 * OID "1.2.840.113549", its DER encoding is (remember each byte except the
 * last one in each encoding is OR'd with 0x80):
 *
 * byte 1: 40 * 1 + 2 = 42 = 0x2A.
 * bytes 2-3: 128 * 6 + 72 = 840 = 6 72 = 6 72 = 0x0648 = 0x8648
 * bytes 4-6: 16384 * 6 + 128 * 119 + 13 = 6 119 13 = 0x06770D = 0x86F70D
 *
 * The final value is: 0x2A864886F70D.
 * The full OID (including ASN.1 tag and length of 6 bytes) is:
 * 0x06062A864886F70D
 */
var forge = __nccwpck_require__(8561);
__nccwpck_require__(7456);
__nccwpck_require__(245);

/* ASN.1 API */
var asn1 = module.exports = forge.asn1 = forge.asn1 || {};

/**
 * ASN.1 classes.
 */
asn1.Class = {
  UNIVERSAL:        0x00,
  APPLICATION:      0x40,
  CONTEXT_SPECIFIC: 0x80,
  PRIVATE:          0xC0
};

/**
 * ASN.1 types. Not all types are supported by this implementation, only
 * those necessary to implement a simple PKI are implemented.
 */
asn1.Type = {
  NONE:             0,
  BOOLEAN:          1,
  INTEGER:          2,
  BITSTRING:        3,
  OCTETSTRING:      4,
  NULL:             5,
  OID:              6,
  ODESC:            7,
  EXTERNAL:         8,
  REAL:             9,
  ENUMERATED:      10,
  EMBEDDED:        11,
  UTF8:            12,
  ROID:            13,
  SEQUENCE:        16,
  SET:             17,
  PRINTABLESTRING: 19,
  IA5STRING:       22,
  UTCTIME:         23,
  GENERALIZEDTIME: 24,
  BMPSTRING:       30
};

/**
 * Sets the default maximum recursion depth when parsing ASN.1 structures.
 */
asn1.maxDepth = 256;

/**
 * Creates a new asn1 object.
 *
 * @param tagClass the tag class for the object.
 * @param type the data type (tag number) for the object.
 * @param constructed true if the asn1 object is in constructed form.
 * @param value the value for the object, if it is not constructed.
 * @param [options] the options to use:
 *          [bitStringContents] the plain BIT STRING content including padding
 *            byte.
 *
 * @return the asn1 object.
 */
asn1.create = function(tagClass, type, constructed, value, options) {
  /* An asn1 object has a tagClass, a type, a constructed flag, and a
    value. The value's type depends on the constructed flag. If
    constructed, it will contain a list of other asn1 objects. If not,
    it will contain the ASN.1 value as an array of bytes formatted
    according to the ASN.1 data type. */

  // remove undefined values
  if(forge.util.isArray(value)) {
    var tmp = [];
    for(var i = 0; i < value.length; ++i) {
      if(value[i] !== undefined) {
        tmp.push(value[i]);
      }
    }
    value = tmp;
  }

  var obj = {
    tagClass: tagClass,
    type: type,
    constructed: constructed,
    composed: constructed || forge.util.isArray(value),
    value: value
  };
  if(options && 'bitStringContents' in options) {
    // TODO: copy byte buffer if it's a buffer not a string
    obj.bitStringContents = options.bitStringContents;
    // TODO: add readonly flag to avoid this overhead
    // save copy to detect changes
    obj.original = asn1.copy(obj);
  }
  return obj;
};

/**
 * Copies an asn1 object.
 *
 * @param obj the asn1 object.
 * @param [options] copy options:
 *          [excludeBitStringContents] true to not copy bitStringContents
 *
 * @return the a copy of the asn1 object.
 */
asn1.copy = function(obj, options) {
  var copy;

  if(forge.util.isArray(obj)) {
    copy = [];
    for(var i = 0; i < obj.length; ++i) {
      copy.push(asn1.copy(obj[i], options));
    }
    return copy;
  }

  if(typeof obj === 'string') {
    // TODO: copy byte buffer if it's a buffer not a string
    return obj;
  }

  copy = {
    tagClass: obj.tagClass,
    type: obj.type,
    constructed: obj.constructed,
    composed: obj.composed,
    value: asn1.copy(obj.value, options)
  };
  if(options && !options.excludeBitStringContents) {
    // TODO: copy byte buffer if it's a buffer not a string
    copy.bitStringContents = obj.bitStringContents;
  }
  return copy;
};

/**
 * Compares asn1 objects for equality.
 *
 * Note this function does not run in constant time.
 *
 * @param obj1 the first asn1 object.
 * @param obj2 the second asn1 object.
 * @param [options] compare options:
 *          [includeBitStringContents] true to compare bitStringContents
 *
 * @return true if the asn1 objects are equal.
 */
asn1.equals = function(obj1, obj2, options) {
  if(forge.util.isArray(obj1)) {
    if(!forge.util.isArray(obj2)) {
      return false;
    }
    if(obj1.length !== obj2.length) {
      return false;
    }
    for(var i = 0; i < obj1.length; ++i) {
      if(!asn1.equals(obj1[i], obj2[i])) {
        return false;
      }
    }
    return true;
  }

  if(typeof obj1 !== typeof obj2) {
    return false;
  }

  if(typeof obj1 === 'string') {
    return obj1 === obj2;
  }

  var equal = obj1.tagClass === obj2.tagClass &&
    obj1.type === obj2.type &&
    obj1.constructed === obj2.constructed &&
    obj1.composed === obj2.composed &&
    asn1.equals(obj1.value, obj2.value);
  if(options && options.includeBitStringContents) {
    equal = equal && (obj1.bitStringContents === obj2.bitStringContents);
  }

  return equal;
};

/**
 * Gets the length of a BER-encoded ASN.1 value.
 *
 * In case the length is not specified, undefined is returned.
 *
 * @param b the BER-encoded ASN.1 byte buffer, starting with the first
 *          length byte.
 *
 * @return the length of the BER-encoded ASN.1 value or undefined.
 */
asn1.getBerValueLength = function(b) {
  // TODO: move this function and related DER/BER functions to a der.js
  // file; better abstract ASN.1 away from der/ber.
  var b2 = b.getByte();
  if(b2 === 0x80) {
    return undefined;
  }

  // see if the length is "short form" or "long form" (bit 8 set)
  var length;
  var longForm = b2 & 0x80;
  if(!longForm) {
    // length is just the first byte
    length = b2;
  } else {
    // the number of bytes the length is specified in bits 7 through 1
    // and each length byte is in big-endian base-256
    length = b.getInt((b2 & 0x7F) << 3);
  }
  return length;
};

/**
 * Check if the byte buffer has enough bytes. Throws an Error if not.
 *
 * @param bytes the byte buffer to parse from.
 * @param remaining the bytes remaining in the current parsing state.
 * @param n the number of bytes the buffer must have.
 */
function _checkBufferLength(bytes, remaining, n) {
  if(n > remaining) {
    var error = new Error('Too few bytes to parse DER.');
    error.available = bytes.length();
    error.remaining = remaining;
    error.requested = n;
    throw error;
  }
}

/**
 * Gets the length of a BER-encoded ASN.1 value.
 *
 * In case the length is not specified, undefined is returned.
 *
 * @param bytes the byte buffer to parse from.
 * @param remaining the bytes remaining in the current parsing state.
 *
 * @return the length of the BER-encoded ASN.1 value or undefined.
 */
var _getValueLength = function(bytes, remaining) {
  // TODO: move this function and related DER/BER functions to a der.js
  // file; better abstract ASN.1 away from der/ber.
  // fromDer already checked that this byte exists
  var b2 = bytes.getByte();
  remaining--;
  if(b2 === 0x80) {
    return undefined;
  }

  // see if the length is "short form" or "long form" (bit 8 set)
  var length;
  var longForm = b2 & 0x80;
  if(!longForm) {
    // length is just the first byte
    length = b2;
  } else {
    // the number of bytes the length is specified in bits 7 through 1
    // and each length byte is in big-endian base-256
    var longFormBytes = b2 & 0x7F;
    _checkBufferLength(bytes, remaining, longFormBytes);
    length = bytes.getInt(longFormBytes << 3);
  }
  // FIXME: this will only happen for 32 bit getInt with high bit set
  if(length < 0) {
    throw new Error('Negative length: ' + length);
  }
  return length;
};

/**
 * Parses an asn1 object from a byte buffer in DER format.
 *
 * @param bytes the byte buffer to parse from.
 * @param [strict] true to be strict when checking value lengths, false to
 *          allow truncated values (default: true).
 * @param [options] object with options or boolean strict flag
 *          [strict] true to be strict when checking value lengths, false to
 *            allow truncated values (default: true).
 *          [parseAllBytes] true to ensure all bytes are parsed
 *            (default: true)
 *          [decodeBitStrings] true to attempt to decode the content of
 *            BIT STRINGs (not OCTET STRINGs) using strict mode. Note that
 *            without schema support to understand the data context this can
 *            erroneously decode values that happen to be valid ASN.1. This
 *            flag will be deprecated or removed as soon as schema support is
 *            available. (default: true)
 *          [maxDepth] override asn1.maxDepth recursion limit
 *            (default: asn1.maxDepth)
 *
 * @throws Will throw an error for various malformed input conditions.
 *
 * @return the parsed asn1 object.
 */
asn1.fromDer = function(bytes, options) {
  if(options === undefined) {
    options = {
      strict: true,
      parseAllBytes: true,
      decodeBitStrings: true
    };
  }
  if(typeof options === 'boolean') {
    options = {
      strict: options,
      parseAllBytes: true,
      decodeBitStrings: true
    };
  }
  if(!('strict' in options)) {
    options.strict = true;
  }
  if(!('parseAllBytes' in options)) {
    options.parseAllBytes = true;
  }
  if(!('decodeBitStrings' in options)) {
    options.decodeBitStrings = true;
  }
  if(!('maxDepth' in options)) {
    options.maxDepth = asn1.maxDepth;
  }

  // wrap in buffer if needed
  if(typeof bytes === 'string') {
    bytes = forge.util.createBuffer(bytes);
  }

  var byteCount = bytes.length();
  var value = _fromDer(bytes, bytes.length(), 0, options);
  if(options.parseAllBytes && bytes.length() !== 0) {
    var error = new Error('Unparsed DER bytes remain after ASN.1 parsing.');
    error.byteCount = byteCount;
    error.remaining = bytes.length();
    throw error;
  }
  return value;
};

/**
 * Internal function to parse an asn1 object from a byte buffer in DER format.
 *
 * @param bytes the byte buffer to parse from.
 * @param remaining the number of bytes remaining for this chunk.
 * @param depth the current parsing depth.
 * @param options object with same options as fromDer().
 *
 * @return the parsed asn1 object.
 */
function _fromDer(bytes, remaining, depth, options) {

  // check depth limit
  if(depth >= options.maxDepth) {
    throw new Error('ASN.1 parsing error: Max depth exceeded.');
  }

  // temporary storage for consumption calculations
  var start;

  // minimum length for ASN.1 DER structure is 2
  _checkBufferLength(bytes, remaining, 2);

  // get the first byte
  var b1 = bytes.getByte();
  // consumed one byte
  remaining--;

  // get the tag class
  var tagClass = (b1 & 0xC0);

  // get the type (bits 1-5)
  var type = b1 & 0x1F;

  // get the variable value length and adjust remaining bytes
  start = bytes.length();
  var length = _getValueLength(bytes, remaining);
  remaining -= start - bytes.length();

  // ensure there are enough bytes to get the value
  if(length !== undefined && length > remaining) {
    if(options.strict) {
      var error = new Error('Too few bytes to read ASN.1 value.');
      error.available = bytes.length();
      error.remaining = remaining;
      error.requested = length;
      throw error;
    }
    // Note: be lenient with truncated values and use remaining state bytes
    length = remaining;
  }

  // value storage
  var value;
  // possible BIT STRING contents storage
  var bitStringContents;

  // constructed flag is bit 6 (32 = 0x20) of the first byte
  var constructed = ((b1 & 0x20) === 0x20);
  if(constructed) {
    // parse child asn1 objects from the value
    value = [];
    if(length === undefined) {
      // asn1 object of indefinite length, read until end tag
      for(;;) {
        _checkBufferLength(bytes, remaining, 2);
        if(bytes.bytes(2) === String.fromCharCode(0, 0)) {
          bytes.getBytes(2);
          remaining -= 2;
          break;
        }
        start = bytes.length();
        value.push(_fromDer(bytes, remaining, depth + 1, options));
        remaining -= start - bytes.length();
      }
    } else {
      // parsing asn1 object of definite length
      while(length > 0) {
        start = bytes.length();
        value.push(_fromDer(bytes, length, depth + 1, options));
        remaining -= start - bytes.length();
        length -= start - bytes.length();
      }
    }
  }

  // if a BIT STRING, save the contents including padding
  if(value === undefined && tagClass === asn1.Class.UNIVERSAL &&
    type === asn1.Type.BITSTRING) {
    bitStringContents = bytes.bytes(length);
  }

  // determine if a non-constructed value should be decoded as a composed
  // value that contains other ASN.1 objects. BIT STRINGs (and OCTET STRINGs)
  // can be used this way.
  if(value === undefined && options.decodeBitStrings &&
    tagClass === asn1.Class.UNIVERSAL &&
    // FIXME: OCTET STRINGs not yet supported here
    // .. other parts of forge expect to decode OCTET STRINGs manually
    (type === asn1.Type.BITSTRING /*|| type === asn1.Type.OCTETSTRING*/) &&
    length > 1) {
    // save read position
    var savedRead = bytes.read;
    var savedRemaining = remaining;
    var unused = 0;
    if(type === asn1.Type.BITSTRING) {
      /* The first octet gives the number of bits by which the length of the
        bit string is less than the next multiple of eight (this is called
        the "number of unused bits").

        The second and following octets give the value of the bit string
        converted to an octet string. */
      _checkBufferLength(bytes, remaining, 1);
      unused = bytes.getByte();
      remaining--;
    }
    // if all bits are used, maybe the BIT/OCTET STRING holds ASN.1 objs
    if(unused === 0) {
      try {
        // attempt to parse child asn1 object from the value
        // (stored in array to signal composed value)
        start = bytes.length();
        var subOptions = {
          // enforce strict mode to avoid parsing ASN.1 from plain data
          strict: true,
          // only decode one level of BIT STRINGs, nested decoding has
          // quadratic cost due to copies for change detection
          decodeBitStrings: false,
          maxDepth: options.maxDepth
        };
        var composed = _fromDer(bytes, remaining, depth + 1, subOptions);
        var used = start - bytes.length();
        remaining -= used;
        if(type == asn1.Type.BITSTRING) {
          used++;
        }

        // if the data all decoded and the class indicates UNIVERSAL or
        // CONTEXT_SPECIFIC then assume we've got an encapsulated ASN.1 object
        var tc = composed.tagClass;
        if(used === length &&
          (tc === asn1.Class.UNIVERSAL || tc === asn1.Class.CONTEXT_SPECIFIC)) {
          value = [composed];
        }
      } catch(ex) {
      }
    }
    if(value === undefined) {
      // restore read position
      bytes.read = savedRead;
      remaining = savedRemaining;
    }
  }

  if(value === undefined) {
    // asn1 not constructed or composed, get raw value
    // TODO: do DER to OID conversion and vice-versa in .toDer?

    if(length === undefined) {
      if(options.strict) {
        throw new Error('Non-constructed ASN.1 object of indefinite length.');
      }
      // be lenient and use remaining state bytes
      length = remaining;
    }

    if(type === asn1.Type.BMPSTRING) {
      value = '';
      for(; length > 0; length -= 2) {
        _checkBufferLength(bytes, remaining, 2);
        value += String.fromCharCode(bytes.getInt16());
        remaining -= 2;
      }
    } else {
      value = bytes.getBytes(length);
      remaining -= length;
    }
  }

  // add BIT STRING contents if available
  var asn1Options = bitStringContents === undefined ? null : {
    bitStringContents: bitStringContents
  };

  // create and return asn1 object
  return asn1.create(tagClass, type, constructed, value, asn1Options);
}

/**
 * Converts the given asn1 object to a buffer of bytes in DER format.
 *
 * @param asn1 the asn1 object to convert to bytes.
 *
 * @return the buffer of bytes.
 */
asn1.toDer = function(obj) {
  var bytes = forge.util.createBuffer();

  // build the first byte
  var b1 = obj.tagClass | obj.type;

  // for storing the ASN.1 value
  var value = forge.util.createBuffer();

  // use BIT STRING contents if available and data not changed
  var useBitStringContents = false;
  if('bitStringContents' in obj) {
    useBitStringContents = true;
    if(obj.original) {
      useBitStringContents = asn1.equals(obj, obj.original);
    }
  }

  if(useBitStringContents) {
    value.putBytes(obj.bitStringContents);
  } else if(obj.composed) {
    // if composed, use each child asn1 object's DER bytes as value
    // turn on 6th bit (0x20 = 32) to indicate asn1 is constructed
    // from other asn1 objects
    if(obj.constructed) {
      b1 |= 0x20;
    } else {
      // type is a bit string, add unused bits of 0x00
      value.putByte(0x00);
    }

    // add all of the child DER bytes together
    for(var i = 0; i < obj.value.length; ++i) {
      if(obj.value[i] !== undefined) {
        value.putBuffer(asn1.toDer(obj.value[i]));
      }
    }
  } else {
    // use asn1.value directly
    if(obj.type === asn1.Type.BMPSTRING) {
      for(var i = 0; i < obj.value.length; ++i) {
        value.putInt16(obj.value.charCodeAt(i));
      }
    } else {
      // ensure integer is minimally-encoded
      // TODO: should all leading bytes be stripped vs just one?
      // .. ex '00 00 01' => '01'?
      if(obj.type === asn1.Type.INTEGER &&
        obj.value.length > 1 &&
        // leading 0x00 for positive integer
        ((obj.value.charCodeAt(0) === 0 &&
        (obj.value.charCodeAt(1) & 0x80) === 0) ||
        // leading 0xFF for negative integer
        (obj.value.charCodeAt(0) === 0xFF &&
        (obj.value.charCodeAt(1) & 0x80) === 0x80))) {
        value.putBytes(obj.value.substr(1));
      } else {
        value.putBytes(obj.value);
      }
    }
  }

  // add tag byte
  bytes.putByte(b1);

  // use "short form" encoding
  if(value.length() <= 127) {
    // one byte describes the length
    // bit 8 = 0 and bits 7-1 = length
    bytes.putByte(value.length() & 0x7F);
  } else {
    // use "long form" encoding
    // 2 to 127 bytes describe the length
    // first byte: bit 8 = 1 and bits 7-1 = # of additional bytes
    // other bytes: length in base 256, big-endian
    var len = value.length();
    var lenBytes = '';
    do {
      lenBytes += String.fromCharCode(len & 0xFF);
      len = len >>> 8;
    } while(len > 0);

    // set first byte to # bytes used to store the length and turn on
    // bit 8 to indicate long-form length is used
    bytes.putByte(lenBytes.length | 0x80);

    // concatenate length bytes in reverse since they were generated
    // little endian and we need big endian
    for(var i = lenBytes.length - 1; i >= 0; --i) {
      bytes.putByte(lenBytes.charCodeAt(i));
    }
  }

  // concatenate value bytes
  bytes.putBuffer(value);
  return bytes;
};

/**
 * Converts an OID dot-separated string to a byte buffer. The byte buffer
 * contains only the DER-encoded value, not any tag or length bytes.
 *
 * @param oid the OID dot-separated string.
 *
 * @return the byte buffer.
 */
asn1.oidToDer = function(oid) {
  // split OID into individual values
  var values = oid.split('.');
  var bytes = forge.util.createBuffer();

  // X.660: the first arc is 0, 1 or 2, and the second arc is at most 39
  // under 0 and 1; other values would encode the same as a different OID
  var first = parseInt(values[0], 10);
  var second = parseInt(values[1], 10);
  if(!(first >= 0 && first <= 2 && second >= 0) ||
    (first < 2 && second > 39)) {
    throw new Error('Invalid OID; the first two arcs are out of range.');
  }

  // the first subidentifier is 40 * value1 + value2; the remaining
  // subidentifiers are each a single value. every subidentifier is encoded in
  // base 128 with the 8th bit set on every byte except its last.
  var last, valueBytes, value, b;
  for(var i = 1; i < values.length; ++i) {
    // produce value bytes in reverse because we don't know how many
    // bytes it will take to store the value
    last = true;
    valueBytes = [];
    value = (i === 1) ? 40 * first + second : parseInt(values[i], 10);
    // TODO: Change bitwise logic to allow larger values.
    if(value > 0xffffffff) {
      throw new Error('OID value too large; max is 32-bits.');
    }
    do {
      b = value & 0x7F;
      value = value >>> 7;
      // if value is not last, then turn on 8th bit
      if(!last) {
        b |= 0x80;
      }
      valueBytes.push(b);
      last = false;
    } while(value > 0);

    // add value bytes in reverse (needs to be in big endian)
    for(var n = valueBytes.length - 1; n >= 0; --n) {
      bytes.putByte(valueBytes[n]);
    }
  }

  return bytes;
};

/**
 * Converts a DER-encoded byte buffer to an OID dot-separated string. The
 * byte buffer should contain only the DER-encoded value, not any tag or
 * length bytes.
 *
 * @param bytes the byte buffer.
 *
 * @return the OID dot-separated string.
 */
asn1.derToOid = function(bytes) {
  var oid;

  // wrap in buffer if needed
  if(typeof bytes === 'string') {
    bytes = forge.util.createBuffer(bytes);
  }

  // each subidentifier is encoded in base 128 with the 8th bit set on every
  // byte except its last; the first subidentifier encodes the first two arcs
  // as 40 * value1 + value2.
  var b;
  var value = 0;
  var first = true;
  while(bytes.length() > 0) {
    // error if 7b shift would exceed Number.MAX_SAFE_INTEGER
    // (Number.MAX_SAFE_INTEGER / 128)
    if(value > 0x3fffffffffff) {
      throw new Error('OID value too large; max is 53-bits.');
    }
    b = bytes.getByte();
    value = value * 128;
    // not the last byte for the value
    if(b & 0x80) {
      value += b & 0x7F;
    } else {
      // last byte
      value += b;
      if(first) {
        // split the first subidentifier into the first two arcs
        oid = (value < 80) ?
          Math.floor(value / 40) + '.' + (value % 40) :
          '2.' + (value - 80);
        first = false;
      } else {
        oid += '.' + value;
      }
      value = 0;
    }
  }

  return oid;
};

/**
 * Converts a UTCTime value to a date.
 *
 * Note: GeneralizedTime has 4 digits for the year and is used for X.509
 * dates past 2049. Parsing that structure hasn't been implemented yet.
 *
 * @param utc the UTCTime value to convert.
 *
 * @return the date.
 */
asn1.utcTimeToDate = function(utc) {
  /* The following formats can be used:

    YYMMDDhhmmZ
    YYMMDDhhmm+hh'mm'
    YYMMDDhhmm-hh'mm'
    YYMMDDhhmmssZ
    YYMMDDhhmmss+hh'mm'
    YYMMDDhhmmss-hh'mm'

    Where:

    YY is the least significant two digits of the year
    MM is the month (01 to 12)
    DD is the day (01 to 31)
    hh is the hour (00 to 23)
    mm are the minutes (00 to 59)
    ss are the seconds (00 to 59)
    Z indicates that local time is GMT, + indicates that local time is
    later than GMT, and - indicates that local time is earlier than GMT
    hh' is the absolute value of the offset from GMT in hours
    mm' is the absolute value of the offset from GMT in minutes */
  var date = new Date();

  // if YY >= 50 use 19xx, if YY < 50 use 20xx
  var year = parseInt(utc.substr(0, 2), 10);
  year = (year >= 50) ? 1900 + year : 2000 + year;
  var MM = parseInt(utc.substr(2, 2), 10) - 1; // use 0-11 for month
  var DD = parseInt(utc.substr(4, 2), 10);
  var hh = parseInt(utc.substr(6, 2), 10);
  var mm = parseInt(utc.substr(8, 2), 10);
  var ss = 0;

  // not just YYMMDDhhmmZ
  if(utc.length > 11) {
    // get character after minutes
    var c = utc.charAt(10);
    var end = 10;

    // see if seconds are present
    if(c !== '+' && c !== '-') {
      // get seconds
      ss = parseInt(utc.substr(10, 2), 10);
      end += 2;
    }
  }

  // update date
  date.setUTCFullYear(year, MM, DD);
  date.setUTCHours(hh, mm, ss, 0);

  if(end) {
    // get +/- after end of time
    c = utc.charAt(end);
    if(c === '+' || c === '-') {
      // get hours+minutes offset
      var hhoffset = parseInt(utc.substr(end + 1, 2), 10);
      var mmoffset = parseInt(utc.substr(end + 4, 2), 10);

      // calculate offset in milliseconds
      var offset = hhoffset * 60 + mmoffset;
      offset *= 60000;

      // apply offset
      if(c === '+') {
        date.setTime(+date - offset);
      } else {
        date.setTime(+date + offset);
      }
    }
  }

  return date;
};

/**
 * Converts a GeneralizedTime value to a date.
 *
 * @param gentime the GeneralizedTime value to convert.
 *
 * @return the date.
 */
asn1.generalizedTimeToDate = function(gentime) {
  /* The following formats can be used:

    YYYYMMDDHHMMSS
    YYYYMMDDHHMMSS.fff
    YYYYMMDDHHMMSSZ
    YYYYMMDDHHMMSS.fffZ
    YYYYMMDDHHMMSS+hh'mm'
    YYYYMMDDHHMMSS.fff+hh'mm'
    YYYYMMDDHHMMSS-hh'mm'
    YYYYMMDDHHMMSS.fff-hh'mm'

    Where:

    YYYY is the year
    MM is the month (01 to 12)
    DD is the day (01 to 31)
    hh is the hour (00 to 23)
    mm are the minutes (00 to 59)
    ss are the seconds (00 to 59)
    .fff is the second fraction, accurate to three decimal places
    Z indicates that local time is GMT, + indicates that local time is
    later than GMT, and - indicates that local time is earlier than GMT
    hh' is the absolute value of the offset from GMT in hours
    mm' is the absolute value of the offset from GMT in minutes */
  var date = new Date();

  var YYYY = parseInt(gentime.substr(0, 4), 10);
  var MM = parseInt(gentime.substr(4, 2), 10) - 1; // use 0-11 for month
  var DD = parseInt(gentime.substr(6, 2), 10);
  var hh = parseInt(gentime.substr(8, 2), 10);
  var mm = parseInt(gentime.substr(10, 2), 10);
  var ss = parseInt(gentime.substr(12, 2), 10);
  var fff = 0;
  var offset = 0;
  var isUTC = false;

  if(gentime.charAt(gentime.length - 1) === 'Z') {
    isUTC = true;
  }

  var end = gentime.length - 5, c = gentime.charAt(end);
  if(c === '+' || c === '-') {
    // get hours+minutes offset
    var hhoffset = parseInt(gentime.substr(end + 1, 2), 10);
    var mmoffset = parseInt(gentime.substr(end + 4, 2), 10);

    // calculate offset in milliseconds
    offset = hhoffset * 60 + mmoffset;
    offset *= 60000;

    // apply offset
    if(c === '+') {
      offset *= -1;
    }

    isUTC = true;
  }

  // check for second fraction
  if(gentime.charAt(14) === '.') {
    fff = parseFloat(gentime.substr(14), 10) * 1000;
  }

  if(isUTC) {
    date.setUTCFullYear(YYYY, MM, DD);
    date.setUTCHours(hh, mm, ss, fff);

    // apply offset
    date.setTime(+date + offset);
  } else {
    date.setFullYear(YYYY, MM, DD);
    date.setHours(hh, mm, ss, fff);
  }

  return date;
};

/**
 * Converts a date to a UTCTime value.
 *
 * Note: GeneralizedTime has 4 digits for the year and is used for X.509
 * dates past 2049. Converting to a GeneralizedTime hasn't been
 * implemented yet.
 *
 * @param date the date to convert.
 *
 * @return the UTCTime value.
 */
asn1.dateToUtcTime = function(date) {
  // TODO: validate; currently assumes proper format
  if(typeof date === 'string') {
    return date;
  }

  var rval = '';

  // create format YYMMDDhhmmssZ
  var format = [];
  format.push(('' + date.getUTCFullYear()).substr(2));
  format.push('' + (date.getUTCMonth() + 1));
  format.push('' + date.getUTCDate());
  format.push('' + date.getUTCHours());
  format.push('' + date.getUTCMinutes());
  format.push('' + date.getUTCSeconds());

  // ensure 2 digits are used for each format entry
  for(var i = 0; i < format.length; ++i) {
    if(format[i].length < 2) {
      rval += '0';
    }
    rval += format[i];
  }
  rval += 'Z';

  return rval;
};

/**
 * Converts a date to a GeneralizedTime value.
 *
 * @param date the date to convert.
 *
 * @return the GeneralizedTime value as a string.
 */
asn1.dateToGeneralizedTime = function(date) {
  // TODO: validate; currently assumes proper format
  if(typeof date === 'string') {
    return date;
  }

  var rval = '';

  // create format YYYYMMDDHHMMSSZ
  var format = [];
  format.push('' + date.getUTCFullYear());
  format.push('' + (date.getUTCMonth() + 1));
  format.push('' + date.getUTCDate());
  format.push('' + date.getUTCHours());
  format.push('' + date.getUTCMinutes());
  format.push('' + date.getUTCSeconds());

  // ensure 2 digits are used for each format entry
  for(var i = 0; i < format.length; ++i) {
    if(format[i].length < 2) {
      rval += '0';
    }
    rval += format[i];
  }
  rval += 'Z';

  return rval;
};

/**
 * Converts a javascript integer to a DER-encoded byte buffer to be used
 * as the value for an INTEGER type.
 *
 * @param x the integer.
 *
 * @return the byte buffer.
 */
asn1.integerToDer = function(x) {
  var rval = forge.util.createBuffer();
  if(x >= -0x80 && x < 0x80) {
    return rval.putSignedInt(x, 8);
  }
  if(x >= -0x8000 && x < 0x8000) {
    return rval.putSignedInt(x, 16);
  }
  if(x >= -0x800000 && x < 0x800000) {
    return rval.putSignedInt(x, 24);
  }
  if(x >= -0x80000000 && x < 0x80000000) {
    return rval.putSignedInt(x, 32);
  }
  var error = new Error('Integer too large; max is 32-bits.');
  error.integer = x;
  throw error;
};

/**
 * Converts a DER-encoded byte buffer to a javascript integer. This is
 * typically used to decode the value of an INTEGER type.
 *
 * @param bytes the byte buffer.
 *
 * @return the integer.
 */
asn1.derToInteger = function(bytes) {
  // wrap in buffer if needed
  if(typeof bytes === 'string') {
    bytes = forge.util.createBuffer(bytes);
  }

  var n = bytes.length() * 8;
  if(n > 32) {
    throw new Error('Integer too large; max is 32-bits.');
  }
  return bytes.getSignedInt(n);
};

/**
 * Validates that the given ASN.1 object is at least a super set of the
 * given ASN.1 structure. Only tag classes and types are checked. An
 * optional map may also be provided to capture ASN.1 values while the
 * structure is checked.
 *
 * To capture an ASN.1 value, set an object in the validator's 'capture'
 * parameter to the key to use in the capture map. To capture the full
 * ASN.1 object, specify 'captureAsn1'. To capture BIT STRING bytes, including
 * the leading unused bits counter byte, specify 'captureBitStringContents'.
 * To capture BIT STRING bytes, without the leading unused bits counter byte,
 * specify 'captureBitStringValue'.
 *
 * Objects in the validator may set a field 'optional' to true to indicate
 * that it isn't necessary to pass validation.
 *
 * @param obj the ASN.1 object to validate.
 * @param v the ASN.1 structure validator.
 * @param capture an optional map to capture values in.
 * @param errors an optional array for storing validation errors.
 *
 * @return true on success, false on failure.
 */
asn1.validate = function(obj, v, capture, errors) {
  var rval = false;

  // ensure tag class and type are the same if specified
  if((obj.tagClass === v.tagClass || typeof(v.tagClass) === 'undefined') &&
    (obj.type === v.type || typeof(v.type) === 'undefined')) {
    // ensure constructed flag is the same if specified
    if(obj.constructed === v.constructed ||
      typeof(v.constructed) === 'undefined') {
      rval = true;

      // handle sub values
      if(v.value && forge.util.isArray(v.value)) {
        var j = 0;
        for(var i = 0; rval && i < v.value.length; ++i) {
          var schemaItem = v.value[i];
          rval = !!schemaItem.optional;

          // current child in the object
          var objChild = obj.value[j];

          // if there is no child left to match
          if(!objChild) {
            // if optional, ok (rval already true), else fail below
            if(!schemaItem.optional) {
              rval = false;
              if(errors) {
                errors.push('[' + v.name + '] ' +
                  'Missing required element. Expected tag class "' +
                  schemaItem.tagClass + '", type "' + schemaItem.type + '"');
              }
            }
            continue;
          }

          // If schema explicitly specifies tagClass/type, do a quick structural check
          // to avoid unnecessary recursion/side-effects when tags clearly don't match.
          var schemaHasTag = (typeof schemaItem.tagClass !== 'undefined' &&
            typeof schemaItem.type !== 'undefined');

          if(schemaHasTag &&
            (objChild.tagClass !== schemaItem.tagClass || objChild.type !== schemaItem.type)) {
            // Tags do not match.
            if(schemaItem.optional) {
              // Skip this schema element (don't consume objChild; don't call recursive validate).
              rval = true;
              continue;
            } else {
              // Required schema item mismatched - fail.
              rval = false;
              if(errors) {
                errors.push('[' + v.name + '] ' +
                  'Tag mismatch. Expected (' +
                  schemaItem.tagClass + ',' + schemaItem.type + '), got (' +
                  objChild.tagClass + ',' + objChild.type + ')');
              }
              break;
            }
          }

          // Tags are compatible (or schema did not declare tags) - dive into recursive validate.
          var childRval = asn1.validate(objChild, schemaItem, capture, errors);
          if(childRval) {
            // consume this child
            ++j;
            rval = true;
          } else if(schemaItem.optional) {
            // validation failed but element is optional => skip schema item (don't consume child)
            rval = true;
          } else {
            // required item failed
            rval = false;
            // errors should already be populated by recursive call; keep failing
            break;
          }
        }
      }

      if(rval && capture) {
        if(v.capture) {
          capture[v.capture] = obj.value;
        }
        if(v.captureAsn1) {
          capture[v.captureAsn1] = obj;
        }
        if(v.captureBitStringContents && 'bitStringContents' in obj) {
          capture[v.captureBitStringContents] = obj.bitStringContents;
        }
        if(v.captureBitStringValue && 'bitStringContents' in obj) {
          var value;
          if(obj.bitStringContents.length < 2) {
            capture[v.captureBitStringValue] = '';
          } else {
            // FIXME: support unused bits with data shifting
            var unused = obj.bitStringContents.charCodeAt(0);
            if(unused !== 0) {
              throw new Error(
                'captureBitStringValue only supported for zero unused bits');
            }
            capture[v.captureBitStringValue] = obj.bitStringContents.slice(1);
          }
        }
      }
    } else if(errors) {
      errors.push(
        '[' + v.name + '] ' +
        'Expected constructed "' + v.constructed + '", got "' +
        obj.constructed + '"');
    }
  } else if(errors) {
    if(obj.tagClass !== v.tagClass) {
      errors.push(
        '[' + v.name + '] ' +
        'Expected tag class "' + v.tagClass + '", got "' +
        obj.tagClass + '"');
    }
    if(obj.type !== v.type) {
      errors.push(
        '[' + v.name + '] ' +
        'Expected type "' + v.type + '", got "' +
        obj.type + '"');
    }
  }
  return rval;
};

// regex for testing for non-latin characters
var _nonLatinRegex = /[^\\u0000-\\u00ff]/;

/**
 * Pretty prints an ASN.1 object to a string.
 *
 * @param obj the object to write out.
 * @param level the level in the tree.
 * @param indentation the indentation to use.
 *
 * @return the string.
 */
asn1.prettyPrint = function(obj, level, indentation) {
  var rval = '';

  // set default level and indentation
  level = level || 0;
  indentation = indentation || 2;

  // start new line for deep levels
  if(level > 0) {
    rval += '\n';
  }

  // create indent
  var indent = '';
  for(var i = 0; i < level * indentation; ++i) {
    indent += ' ';
  }

  // print class:type
  rval += indent + 'Tag: ';
  switch(obj.tagClass) {
  case asn1.Class.UNIVERSAL:
    rval += 'Universal:';
    break;
  case asn1.Class.APPLICATION:
    rval += 'Application:';
    break;
  case asn1.Class.CONTEXT_SPECIFIC:
    rval += 'Context-Specific:';
    break;
  case asn1.Class.PRIVATE:
    rval += 'Private:';
    break;
  }

  if(obj.tagClass === asn1.Class.UNIVERSAL) {
    rval += obj.type;

    // known types
    switch(obj.type) {
    case asn1.Type.NONE:
      rval += ' (None)';
      break;
    case asn1.Type.BOOLEAN:
      rval += ' (Boolean)';
      break;
    case asn1.Type.INTEGER:
      rval += ' (Integer)';
      break;
    case asn1.Type.BITSTRING:
      rval += ' (Bit string)';
      break;
    case asn1.Type.OCTETSTRING:
      rval += ' (Octet string)';
      break;
    case asn1.Type.NULL:
      rval += ' (Null)';
      break;
    case asn1.Type.OID:
      rval += ' (Object Identifier)';
      break;
    case asn1.Type.ODESC:
      rval += ' (Object Descriptor)';
      break;
    case asn1.Type.EXTERNAL:
      rval += ' (External or Instance of)';
      break;
    case asn1.Type.REAL:
      rval += ' (Real)';
      break;
    case asn1.Type.ENUMERATED:
      rval += ' (Enumerated)';
      break;
    case asn1.Type.EMBEDDED:
      rval += ' (Embedded PDV)';
      break;
    case asn1.Type.UTF8:
      rval += ' (UTF8)';
      break;
    case asn1.Type.ROID:
      rval += ' (Relative Object Identifier)';
      break;
    case asn1.Type.SEQUENCE:
      rval += ' (Sequence)';
      break;
    case asn1.Type.SET:
      rval += ' (Set)';
      break;
    case asn1.Type.PRINTABLESTRING:
      rval += ' (Printable String)';
      break;
    case asn1.Type.IA5String:
      rval += ' (IA5String (ASCII))';
      break;
    case asn1.Type.UTCTIME:
      rval += ' (UTC time)';
      break;
    case asn1.Type.GENERALIZEDTIME:
      rval += ' (Generalized time)';
      break;
    case asn1.Type.BMPSTRING:
      rval += ' (BMP String)';
      break;
    }
  } else {
    rval += obj.type;
  }

  rval += '\n';
  rval += indent + 'Constructed: ' + obj.constructed + '\n';

  if(obj.composed) {
    var subvalues = 0;
    var sub = '';
    for(var i = 0; i < obj.value.length; ++i) {
      if(obj.value[i] !== undefined) {
        subvalues += 1;
        sub += asn1.prettyPrint(obj.value[i], level + 1, indentation);
        if((i + 1) < obj.value.length) {
          sub += ',';
        }
      }
    }
    rval += indent + 'Sub values: ' + subvalues + sub;
  } else {
    rval += indent + 'Value: ';
    if(obj.type === asn1.Type.OID) {
      var oid = asn1.derToOid(obj.value);
      rval += oid;
      if(forge.pki && forge.pki.oids) {
        if(oid in forge.pki.oids) {
          rval += ' (' + forge.pki.oids[oid] + ') ';
        }
      }
    }
    if(obj.type === asn1.Type.INTEGER) {
      try {
        rval += asn1.derToInteger(obj.value);
      } catch(ex) {
        rval += '0x' + forge.util.bytesToHex(obj.value);
      }
    } else if(obj.type === asn1.Type.BITSTRING) {
      // TODO: shift bits as needed to display without padding
      if(obj.value.length > 1) {
        // remove unused bits field
        rval += '0x' + forge.util.bytesToHex(obj.value.slice(1));
      } else {
        rval += '(none)';
      }
      // show unused bit count
      if(obj.value.length > 0) {
        var unused = obj.value.charCodeAt(0);
        if(unused == 1) {
          rval += ' (1 unused bit shown)';
        } else if(unused > 1) {
          rval += ' (' + unused + ' unused bits shown)';
        }
      }
    } else if(obj.type === asn1.Type.OCTETSTRING) {
      if(!_nonLatinRegex.test(obj.value)) {
        rval += '(' + obj.value + ') ';
      }
      rval += '0x' + forge.util.bytesToHex(obj.value);
    } else if(obj.type === asn1.Type.UTF8) {
      try {
        rval += forge.util.decodeUtf8(obj.value);
      } catch(e) {
        if(e.message === 'URI malformed') {
          rval +=
            '0x' + forge.util.bytesToHex(obj.value) + ' (malformed UTF8)';
        } else {
          throw e;
        }
      }
    } else if(obj.type === asn1.Type.PRINTABLESTRING ||
      obj.type === asn1.Type.IA5String) {
      rval += obj.value;
    } else if(_nonLatinRegex.test(obj.value)) {
      rval += '0x' + forge.util.bytesToHex(obj.value);
    } else if(obj.value.length === 0) {
      rval += '[null]';
    } else {
      rval += obj.value;
    }
  }

  return rval;
};


/***/ }),

/***/ 763:
/***/ ((module) => {

/**
 * Base-N/Base-X encoding/decoding functions.
 *
 * Original implementation from base-x:
 * https://github.com/cryptocoinjs/base-x
 *
 * Which is MIT licensed:
 *
 * The MIT License (MIT)
 *
 * Copyright base-x contributors (c) 2016
 *
 * Permission is hereby granted, free of charge, to any person obtaining a copy
 * of this software and associated documentation files (the "Software"), to deal
 * in the Software without restriction, including without limitation the rights
 * to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
 * copies of the Software, and to permit persons to whom the Software is
 * furnished to do so, subject to the following conditions:
 *
 * The above copyright notice and this permission notice shall be included in
 * all copies or substantial portions of the Software.
 *
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
 * IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
 * FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
 * AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
 * LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
 * FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
 * DEALINGS IN THE SOFTWARE.
 */
var api = {};
module.exports = api;

// baseN alphabet indexes
var _reverseAlphabets = {};

/**
 * BaseN-encodes a Uint8Array using the given alphabet.
 *
 * @param input the Uint8Array to encode.
 * @param maxline the maximum number of encoded characters per line to use,
 *          defaults to none.
 *
 * @return the baseN-encoded output string.
 */
api.encode = function(input, alphabet, maxline) {
  if(typeof alphabet !== 'string') {
    throw new TypeError('"alphabet" must be a string.');
  }
  if(maxline !== undefined && typeof maxline !== 'number') {
    throw new TypeError('"maxline" must be a number.');
  }

  var output = '';

  if(!(input instanceof Uint8Array)) {
    // assume forge byte buffer
    output = _encodeWithByteBuffer(input, alphabet);
  } else {
    var i = 0;
    var base = alphabet.length;
    var first = alphabet.charAt(0);
    var digits = [0];
    for(i = 0; i < input.length; ++i) {
      for(var j = 0, carry = input[i]; j < digits.length; ++j) {
        carry += digits[j] << 8;
        digits[j] = carry % base;
        carry = (carry / base) | 0;
      }

      while(carry > 0) {
        digits.push(carry % base);
        carry = (carry / base) | 0;
      }
    }

    // deal with leading zeros
    for(i = 0; input[i] === 0 && i < input.length - 1; ++i) {
      output += first;
    }
    // convert digits to a string
    for(i = digits.length - 1; i >= 0; --i) {
      output += alphabet[digits[i]];
    }
  }

  if(maxline) {
    var regex = new RegExp('.{1,' + maxline + '}', 'g');
    output = output.match(regex).join('\r\n');
  }

  return output;
};

/**
 * Decodes a baseN-encoded (using the given alphabet) string to a
 * Uint8Array.
 *
 * @param input the baseN-encoded input string.
 *
 * @return the Uint8Array.
 */
api.decode = function(input, alphabet) {
  if(typeof input !== 'string') {
    throw new TypeError('"input" must be a string.');
  }
  if(typeof alphabet !== 'string') {
    throw new TypeError('"alphabet" must be a string.');
  }

  var table = _reverseAlphabets[alphabet];
  if(!table) {
    // compute reverse alphabet
    table = _reverseAlphabets[alphabet] = [];
    for(var i = 0; i < alphabet.length; ++i) {
      table[alphabet.charCodeAt(i)] = i;
    }
  }

  // remove whitespace characters
  input = input.replace(/\s/g, '');

  var base = alphabet.length;
  var first = alphabet.charAt(0);
  var bytes = [0];
  for(var i = 0; i < input.length; i++) {
    var value = table[input.charCodeAt(i)];
    if(value === undefined) {
      return;
    }

    for(var j = 0, carry = value; j < bytes.length; ++j) {
      carry += bytes[j] * base;
      bytes[j] = carry & 0xff;
      carry >>= 8;
    }

    while(carry > 0) {
      bytes.push(carry & 0xff);
      carry >>= 8;
    }
  }

  // deal with leading zeros
  for(var k = 0; input[k] === first && k < input.length - 1; ++k) {
    bytes.push(0);
  }

  if(typeof Buffer !== 'undefined') {
    return Buffer.from(bytes.reverse());
  }

  return new Uint8Array(bytes.reverse());
};

function _encodeWithByteBuffer(input, alphabet) {
  var i = 0;
  var base = alphabet.length;
  var first = alphabet.charAt(0);
  var digits = [0];
  for(i = 0; i < input.length(); ++i) {
    for(var j = 0, carry = input.at(i); j < digits.length; ++j) {
      carry += digits[j] << 8;
      digits[j] = carry % base;
      carry = (carry / base) | 0;
    }

    while(carry > 0) {
      digits.push(carry % base);
      carry = (carry / base) | 0;
    }
  }

  var output = '';

  // deal with leading zeros
  for(i = 0; input.at(i) === 0 && i < input.length() - 1; ++i) {
    output += first;
  }
  // convert digits to a string
  for(i = digits.length - 1; i >= 0; --i) {
    output += alphabet[digits[i]];
  }

  return output;
}


/***/ }),

/***/ 8561:
/***/ ((module) => {

/**
 * Node.js module for Forge.
 *
 * @author Dave Longley
 *
 * Copyright 2011-2016 Digital Bazaar, Inc.
 */
module.exports = {
  // default options
  options: {
    usePureJavaScript: false
  }
};


/***/ }),

/***/ 245:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/**
 * Object IDs for ASN.1.
 *
 * @author Dave Longley
 *
 * Copyright (c) 2010-2013 Digital Bazaar, Inc.
 */
var forge = __nccwpck_require__(8561);

forge.pki = forge.pki || {};
var oids = module.exports = forge.pki.oids = forge.oids = forge.oids || {};

// set id to name mapping and name to id mapping
function _IN(id, name) {
  oids[id] = name;
  oids[name] = id;
}
// set id to name mapping only
function _I_(id, name) {
  oids[id] = name;
}

// algorithm OIDs
_IN('1.2.840.113549.1.1.1', 'rsaEncryption');
// Note: md2 & md4 not implemented
//_IN('1.2.840.113549.1.1.2', 'md2WithRSAEncryption');
//_IN('1.2.840.113549.1.1.3', 'md4WithRSAEncryption');
_IN('1.2.840.113549.1.1.4', 'md5WithRSAEncryption');
_IN('1.2.840.113549.1.1.5', 'sha1WithRSAEncryption');
_IN('1.2.840.113549.1.1.7', 'RSAES-OAEP');
_IN('1.2.840.113549.1.1.8', 'mgf1');
_IN('1.2.840.113549.1.1.9', 'pSpecified');
_IN('1.2.840.113549.1.1.10', 'RSASSA-PSS');
_IN('1.2.840.113549.1.1.11', 'sha256WithRSAEncryption');
_IN('1.2.840.113549.1.1.12', 'sha384WithRSAEncryption');
_IN('1.2.840.113549.1.1.13', 'sha512WithRSAEncryption');
// Edwards-curve Digital Signature Algorithm (EdDSA) Ed25519
_IN('1.3.101.112', 'EdDSA25519');

_IN('1.2.840.10040.4.3', 'dsa-with-sha1');

_IN('1.3.14.3.2.7', 'desCBC');

_IN('1.3.14.3.2.26', 'sha1');
// Deprecated equivalent of sha1WithRSAEncryption
_IN('1.3.14.3.2.29', 'sha1WithRSASignature');
_IN('2.16.840.1.101.3.4.2.1', 'sha256');
_IN('2.16.840.1.101.3.4.2.2', 'sha384');
_IN('2.16.840.1.101.3.4.2.3', 'sha512');
_IN('2.16.840.1.101.3.4.2.4', 'sha224');
_IN('2.16.840.1.101.3.4.2.5', 'sha512-224');
_IN('2.16.840.1.101.3.4.2.6', 'sha512-256');
_IN('1.2.840.113549.2.2', 'md2');
_IN('1.2.840.113549.2.5', 'md5');

// pkcs#7 content types
_IN('1.2.840.113549.1.7.1', 'data');
_IN('1.2.840.113549.1.7.2', 'signedData');
_IN('1.2.840.113549.1.7.3', 'envelopedData');
_IN('1.2.840.113549.1.7.4', 'signedAndEnvelopedData');
_IN('1.2.840.113549.1.7.5', 'digestedData');
_IN('1.2.840.113549.1.7.6', 'encryptedData');

// pkcs#9 oids
_IN('1.2.840.113549.1.9.1', 'emailAddress');
_IN('1.2.840.113549.1.9.2', 'unstructuredName');
_IN('1.2.840.113549.1.9.3', 'contentType');
_IN('1.2.840.113549.1.9.4', 'messageDigest');
_IN('1.2.840.113549.1.9.5', 'signingTime');
_IN('1.2.840.113549.1.9.6', 'counterSignature');
_IN('1.2.840.113549.1.9.7', 'challengePassword');
_IN('1.2.840.113549.1.9.8', 'unstructuredAddress');
_IN('1.2.840.113549.1.9.14', 'extensionRequest');

_IN('1.2.840.113549.1.9.20', 'friendlyName');
_IN('1.2.840.113549.1.9.21', 'localKeyId');
_IN('1.2.840.113549.1.9.22.1', 'x509Certificate');

// pkcs#12 safe bags
_IN('1.2.840.113549.1.12.10.1.1', 'keyBag');
_IN('1.2.840.113549.1.12.10.1.2', 'pkcs8ShroudedKeyBag');
_IN('1.2.840.113549.1.12.10.1.3', 'certBag');
_IN('1.2.840.113549.1.12.10.1.4', 'crlBag');
_IN('1.2.840.113549.1.12.10.1.5', 'secretBag');
_IN('1.2.840.113549.1.12.10.1.6', 'safeContentsBag');

// password-based-encryption for pkcs#12
_IN('1.2.840.113549.1.5.13', 'pkcs5PBES2');
_IN('1.2.840.113549.1.5.12', 'pkcs5PBKDF2');

_IN('1.2.840.113549.1.12.1.1', 'pbeWithSHAAnd128BitRC4');
_IN('1.2.840.113549.1.12.1.2', 'pbeWithSHAAnd40BitRC4');
_IN('1.2.840.113549.1.12.1.3', 'pbeWithSHAAnd3-KeyTripleDES-CBC');
_IN('1.2.840.113549.1.12.1.4', 'pbeWithSHAAnd2-KeyTripleDES-CBC');
_IN('1.2.840.113549.1.12.1.5', 'pbeWithSHAAnd128BitRC2-CBC');
_IN('1.2.840.113549.1.12.1.6', 'pbewithSHAAnd40BitRC2-CBC');

// hmac OIDs
_IN('1.2.840.113549.2.7', 'hmacWithSHA1');
_IN('1.2.840.113549.2.8', 'hmacWithSHA224');
_IN('1.2.840.113549.2.9', 'hmacWithSHA256');
_IN('1.2.840.113549.2.10', 'hmacWithSHA384');
_IN('1.2.840.113549.2.11', 'hmacWithSHA512');

// symmetric key algorithm oids
_IN('1.2.840.113549.3.7', 'des-EDE3-CBC');
_IN('2.16.840.1.101.3.4.1.2', 'aes128-CBC');
_IN('2.16.840.1.101.3.4.1.22', 'aes192-CBC');
_IN('2.16.840.1.101.3.4.1.42', 'aes256-CBC');

// certificate issuer/subject OIDs
_IN('2.5.4.3', 'commonName');
_IN('2.5.4.4', 'surname');
_IN('2.5.4.5', 'serialNumber');
_IN('2.5.4.6', 'countryName');
_IN('2.5.4.7', 'localityName');
_IN('2.5.4.8', 'stateOrProvinceName');
_IN('2.5.4.9', 'streetAddress');
_IN('2.5.4.10', 'organizationName');
_IN('2.5.4.11', 'organizationalUnitName');
_IN('2.5.4.12', 'title');
_IN('2.5.4.13', 'description');
_IN('2.5.4.15', 'businessCategory');
_IN('2.5.4.17', 'postalCode');
_IN('2.5.4.42', 'givenName');
_IN('2.5.4.65', 'pseudonym');
_IN('1.3.6.1.4.1.311.60.2.1.2', 'jurisdictionOfIncorporationStateOrProvinceName');
_IN('1.3.6.1.4.1.311.60.2.1.3', 'jurisdictionOfIncorporationCountryName');

// X.509 extension OIDs
_IN('2.16.840.1.113730.1.1', 'nsCertType');
_IN('2.16.840.1.113730.1.13', 'nsComment'); // deprecated in theory; still widely used
_I_('2.5.29.1', 'authorityKeyIdentifier'); // deprecated, use .35
_I_('2.5.29.2', 'keyAttributes'); // obsolete use .37 or .15
_I_('2.5.29.3', 'certificatePolicies'); // deprecated, use .32
_I_('2.5.29.4', 'keyUsageRestriction'); // obsolete use .37 or .15
_I_('2.5.29.5', 'policyMapping'); // deprecated use .33
_I_('2.5.29.6', 'subtreesConstraint'); // obsolete use .30
_I_('2.5.29.7', 'subjectAltName'); // deprecated use .17
_I_('2.5.29.8', 'issuerAltName'); // deprecated use .18
_I_('2.5.29.9', 'subjectDirectoryAttributes');
_I_('2.5.29.10', 'basicConstraints'); // deprecated use .19
_I_('2.5.29.11', 'nameConstraints'); // deprecated use .30
_I_('2.5.29.12', 'policyConstraints'); // deprecated use .36
_I_('2.5.29.13', 'basicConstraints'); // deprecated use .19
_IN('2.5.29.14', 'subjectKeyIdentifier');
_IN('2.5.29.15', 'keyUsage');
_I_('2.5.29.16', 'privateKeyUsagePeriod');
_IN('2.5.29.17', 'subjectAltName');
_IN('2.5.29.18', 'issuerAltName');
_IN('2.5.29.19', 'basicConstraints');
_I_('2.5.29.20', 'cRLNumber');
_I_('2.5.29.21', 'cRLReason');
_I_('2.5.29.22', 'expirationDate');
_I_('2.5.29.23', 'instructionCode');
_I_('2.5.29.24', 'invalidityDate');
_I_('2.5.29.25', 'cRLDistributionPoints'); // deprecated use .31
_I_('2.5.29.26', 'issuingDistributionPoint'); // deprecated use .28
_I_('2.5.29.27', 'deltaCRLIndicator');
_I_('2.5.29.28', 'issuingDistributionPoint');
_I_('2.5.29.29', 'certificateIssuer');
_I_('2.5.29.30', 'nameConstraints');
_IN('2.5.29.31', 'cRLDistributionPoints');
_IN('2.5.29.32', 'certificatePolicies');
_I_('2.5.29.33', 'policyMappings');
_I_('2.5.29.34', 'policyConstraints'); // deprecated use .36
_IN('2.5.29.35', 'authorityKeyIdentifier');
_I_('2.5.29.36', 'policyConstraints');
_IN('2.5.29.37', 'extKeyUsage');
_I_('2.5.29.46', 'freshestCRL');
_I_('2.5.29.54', 'inhibitAnyPolicy');

// extKeyUsage purposes
_IN('1.3.6.1.4.1.11129.2.4.2', 'timestampList');
_IN('1.3.6.1.5.5.7.1.1', 'authorityInfoAccess');
_IN('1.3.6.1.5.5.7.3.1', 'serverAuth');
_IN('1.3.6.1.5.5.7.3.2', 'clientAuth');
_IN('1.3.6.1.5.5.7.3.3', 'codeSigning');
_IN('1.3.6.1.5.5.7.3.4', 'emailProtection');
_IN('1.3.6.1.5.5.7.3.8', 'timeStamping');


/***/ }),

/***/ 7456:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

/**
 * Utility functions for web applications.
 *
 * @author Dave Longley
 *
 * Copyright (c) 2010-2018 Digital Bazaar, Inc.
 */
var forge = __nccwpck_require__(8561);
var baseN = __nccwpck_require__(763);

/* Utilities API */
var util = module.exports = forge.util = forge.util || {};

// define setImmediate and nextTick
(function() {
  // use native nextTick (unless we're in webpack)
  // webpack (or better node-libs-browser polyfill) sets process.browser.
  // this way we can detect webpack properly
  if(typeof process !== 'undefined' && process.nextTick && !process.browser) {
    util.nextTick = process.nextTick;
    if(typeof setImmediate === 'function') {
      util.setImmediate = setImmediate;
    } else {
      // polyfill setImmediate with nextTick, older versions of node
      // (those w/o setImmediate) won't totally starve IO
      util.setImmediate = util.nextTick;
    }
    return;
  }

  // polyfill nextTick with native setImmediate
  if(typeof setImmediate === 'function') {
    util.setImmediate = function() { return setImmediate.apply(undefined, arguments); };
    util.nextTick = function(callback) {
      return setImmediate(callback);
    };
    return;
  }

  /* Note: A polyfill upgrade pattern is used here to allow combining
  polyfills. For example, MutationObserver is fast, but blocks UI updates,
  so it needs to allow UI updates periodically, so it falls back on
  postMessage or setTimeout. */

  // polyfill with setTimeout
  util.setImmediate = function(callback) {
    setTimeout(callback, 0);
  };

  // upgrade polyfill to use postMessage
  if(typeof window !== 'undefined' &&
    typeof window.postMessage === 'function') {
    var msg = 'forge.setImmediate';
    var callbacks = [];
    util.setImmediate = function(callback) {
      callbacks.push(callback);
      // only send message when one hasn't been sent in
      // the current turn of the event loop
      if(callbacks.length === 1) {
        window.postMessage(msg, '*');
      }
    };
    function handler(event) {
      if(event.source === window && event.data === msg) {
        event.stopPropagation();
        var copy = callbacks.slice();
        callbacks.length = 0;
        copy.forEach(function(callback) {
          callback();
        });
      }
    }
    window.addEventListener('message', handler, true);
  }

  // upgrade polyfill to use MutationObserver
  if(typeof MutationObserver !== 'undefined') {
    // polyfill with MutationObserver
    var now = Date.now();
    var attr = true;
    var div = document.createElement('div');
    var callbacks = [];
    new MutationObserver(function() {
      var copy = callbacks.slice();
      callbacks.length = 0;
      copy.forEach(function(callback) {
        callback();
      });
    }).observe(div, {attributes: true});
    var oldSetImmediate = util.setImmediate;
    util.setImmediate = function(callback) {
      if(Date.now() - now > 15) {
        now = Date.now();
        oldSetImmediate(callback);
      } else {
        callbacks.push(callback);
        // only trigger observer when it hasn't been triggered in
        // the current turn of the event loop
        if(callbacks.length === 1) {
          div.setAttribute('a', attr = !attr);
        }
      }
    };
  }

  util.nextTick = util.setImmediate;
})();

// check if running under Node.js
util.isNodejs =
  typeof process !== 'undefined' && process.versions && process.versions.node;


// 'self' will also work in Web Workers (instance of WorkerGlobalScope) while
// it will point to `window` in the main thread.
// To remain compatible with older browsers, we fall back to 'window' if 'self'
// is not available.
util.globalScope = (function() {
  if(util.isNodejs) {
    return global;
  }

  return typeof self === 'undefined' ? window : self;
})();

// define isArray
util.isArray = Array.isArray || function(x) {
  return Object.prototype.toString.call(x) === '[object Array]';
};

// define isArrayBuffer
util.isArrayBuffer = function(x) {
  return typeof ArrayBuffer !== 'undefined' && x instanceof ArrayBuffer;
};

// define isArrayBufferView
util.isArrayBufferView = function(x) {
  return x && util.isArrayBuffer(x.buffer) && x.byteLength !== undefined;
};

/**
 * Ensure a bits param is 8, 16, 24, or 32. Used to validate input for
 * algorithms where bit manipulation, JavaScript limitations, and/or algorithm
 * design only allow for byte operations of a limited size.
 *
 * @param n number of bits.
 *
 * Throw Error if n invalid.
 */
function _checkBitsParam(n) {
  if(!(n === 8 || n === 16 || n === 24 || n === 32)) {
    throw new Error('Only 8, 16, 24, or 32 bits supported: ' + n);
  }
}

// TODO: set ByteBuffer to best available backing
util.ByteBuffer = ByteStringBuffer;

/** Buffer w/BinaryString backing */

/**
 * Constructor for a binary string backed byte buffer.
 *
 * @param [b] the bytes to wrap (either encoded as string, one byte per
 *          character, or as an ArrayBuffer or Typed Array).
 */
function ByteStringBuffer(b) {
  // TODO: update to match DataBuffer API

  // the data in this buffer
  this.data = '';
  // the pointer for reading from this buffer
  this.read = 0;

  if(typeof b === 'string') {
    this.data = b;
  } else if(util.isArrayBuffer(b) || util.isArrayBufferView(b)) {
    if(typeof Buffer !== 'undefined' && b instanceof Buffer) {
      this.data = b.toString('binary');
    } else {
      // convert native buffer to forge buffer
      // FIXME: support native buffers internally instead
      var arr = new Uint8Array(b);
      try {
        this.data = String.fromCharCode.apply(null, arr);
      } catch(e) {
        for(var i = 0; i < arr.length; ++i) {
          this.putByte(arr[i]);
        }
      }
    }
  } else if(b instanceof ByteStringBuffer ||
    (typeof b === 'object' && typeof b.data === 'string' &&
    typeof b.read === 'number')) {
    // copy existing buffer
    this.data = b.data;
    this.read = b.read;
  }

  // used for v8 optimization
  this._constructedStringLength = 0;
}
util.ByteStringBuffer = ByteStringBuffer;

/* Note: This is an optimization for V8-based browsers. When V8 concatenates
  a string, the strings are only joined logically using a "cons string" or
  "constructed/concatenated string". These containers keep references to one
  another and can result in very large memory usage. For example, if a 2MB
  string is constructed by concatenating 4 bytes together at a time, the
  memory usage will be ~44MB; so ~22x increase. The strings are only joined
  together when an operation requiring their joining takes place, such as
  substr(). This function is called when adding data to this buffer to ensure
  these types of strings are periodically joined to reduce the memory
  footprint. */
var _MAX_CONSTRUCTED_STRING_LENGTH = 4096;
util.ByteStringBuffer.prototype._optimizeConstructedString = function(x) {
  this._constructedStringLength += x;
  if(this._constructedStringLength > _MAX_CONSTRUCTED_STRING_LENGTH) {
    // this substr() should cause the constructed string to join
    this.data.substr(0, 1);
    this._constructedStringLength = 0;
  }
};

/**
 * Gets the number of bytes in this buffer.
 *
 * @return the number of bytes in this buffer.
 */
util.ByteStringBuffer.prototype.length = function() {
  return this.data.length - this.read;
};

/**
 * Gets whether or not this buffer is empty.
 *
 * @return true if this buffer is empty, false if not.
 */
util.ByteStringBuffer.prototype.isEmpty = function() {
  return this.length() <= 0;
};

/**
 * Puts a byte in this buffer.
 *
 * @param b the byte to put.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putByte = function(b) {
  return this.putBytes(String.fromCharCode(b));
};

/**
 * Puts a byte in this buffer N times.
 *
 * @param b the byte to put.
 * @param n the number of bytes of value b to put.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.fillWithByte = function(b, n) {
  b = String.fromCharCode(b);
  var d = this.data;
  while(n > 0) {
    if(n & 1) {
      d += b;
    }
    n >>>= 1;
    if(n > 0) {
      b += b;
    }
  }
  this.data = d;
  this._optimizeConstructedString(n);
  return this;
};

/**
 * Puts bytes in this buffer.
 *
 * @param bytes the bytes (as a binary encoded string) to put.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putBytes = function(bytes) {
  this.data += bytes;
  this._optimizeConstructedString(bytes.length);
  return this;
};

/**
 * Puts a UTF-16 encoded string into this buffer.
 *
 * @param str the string to put.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putString = function(str) {
  return this.putBytes(util.encodeUtf8(str));
};

/**
 * Puts a 16-bit integer in this buffer in big-endian order.
 *
 * @param i the 16-bit integer.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putInt16 = function(i) {
  return this.putBytes(
    String.fromCharCode(i >> 8 & 0xFF) +
    String.fromCharCode(i & 0xFF));
};

/**
 * Puts a 24-bit integer in this buffer in big-endian order.
 *
 * @param i the 24-bit integer.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putInt24 = function(i) {
  return this.putBytes(
    String.fromCharCode(i >> 16 & 0xFF) +
    String.fromCharCode(i >> 8 & 0xFF) +
    String.fromCharCode(i & 0xFF));
};

/**
 * Puts a 32-bit integer in this buffer in big-endian order.
 *
 * @param i the 32-bit integer.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putInt32 = function(i) {
  return this.putBytes(
    String.fromCharCode(i >> 24 & 0xFF) +
    String.fromCharCode(i >> 16 & 0xFF) +
    String.fromCharCode(i >> 8 & 0xFF) +
    String.fromCharCode(i & 0xFF));
};

/**
 * Puts a 16-bit integer in this buffer in little-endian order.
 *
 * @param i the 16-bit integer.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putInt16Le = function(i) {
  return this.putBytes(
    String.fromCharCode(i & 0xFF) +
    String.fromCharCode(i >> 8 & 0xFF));
};

/**
 * Puts a 24-bit integer in this buffer in little-endian order.
 *
 * @param i the 24-bit integer.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putInt24Le = function(i) {
  return this.putBytes(
    String.fromCharCode(i & 0xFF) +
    String.fromCharCode(i >> 8 & 0xFF) +
    String.fromCharCode(i >> 16 & 0xFF));
};

/**
 * Puts a 32-bit integer in this buffer in little-endian order.
 *
 * @param i the 32-bit integer.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putInt32Le = function(i) {
  return this.putBytes(
    String.fromCharCode(i & 0xFF) +
    String.fromCharCode(i >> 8 & 0xFF) +
    String.fromCharCode(i >> 16 & 0xFF) +
    String.fromCharCode(i >> 24 & 0xFF));
};

/**
 * Puts an n-bit integer in this buffer in big-endian order.
 *
 * @param i the n-bit integer.
 * @param n the number of bits in the integer (8, 16, 24, or 32).
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putInt = function(i, n) {
  _checkBitsParam(n);
  var bytes = '';
  do {
    n -= 8;
    bytes += String.fromCharCode((i >> n) & 0xFF);
  } while(n > 0);
  return this.putBytes(bytes);
};

/**
 * Puts a signed n-bit integer in this buffer in big-endian order. Two's
 * complement representation is used.
 *
 * @param i the n-bit integer.
 * @param n the number of bits in the integer (8, 16, 24, or 32).
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putSignedInt = function(i, n) {
  // putInt checks n
  if(i < 0) {
    i += 2 << (n - 1);
  }
  return this.putInt(i, n);
};

/**
 * Puts the given buffer into this buffer.
 *
 * @param buffer the buffer to put into this one.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.putBuffer = function(buffer) {
  return this.putBytes(buffer.getBytes());
};

/**
 * Gets a byte from this buffer and advances the read pointer by 1.
 *
 * @return the byte.
 */
util.ByteStringBuffer.prototype.getByte = function() {
  return this.data.charCodeAt(this.read++);
};

/**
 * Gets a uint16 from this buffer in big-endian order and advances the read
 * pointer by 2.
 *
 * @return the uint16.
 */
util.ByteStringBuffer.prototype.getInt16 = function() {
  var rval = (
    this.data.charCodeAt(this.read) << 8 ^
    this.data.charCodeAt(this.read + 1));
  this.read += 2;
  return rval;
};

/**
 * Gets a uint24 from this buffer in big-endian order and advances the read
 * pointer by 3.
 *
 * @return the uint24.
 */
util.ByteStringBuffer.prototype.getInt24 = function() {
  var rval = (
    this.data.charCodeAt(this.read) << 16 ^
    this.data.charCodeAt(this.read + 1) << 8 ^
    this.data.charCodeAt(this.read + 2));
  this.read += 3;
  return rval;
};

/**
 * Gets a uint32 from this buffer in big-endian order and advances the read
 * pointer by 4.
 *
 * @return the word.
 */
util.ByteStringBuffer.prototype.getInt32 = function() {
  var rval = (
    this.data.charCodeAt(this.read) << 24 ^
    this.data.charCodeAt(this.read + 1) << 16 ^
    this.data.charCodeAt(this.read + 2) << 8 ^
    this.data.charCodeAt(this.read + 3));
  this.read += 4;
  return rval;
};

/**
 * Gets a uint16 from this buffer in little-endian order and advances the read
 * pointer by 2.
 *
 * @return the uint16.
 */
util.ByteStringBuffer.prototype.getInt16Le = function() {
  var rval = (
    this.data.charCodeAt(this.read) ^
    this.data.charCodeAt(this.read + 1) << 8);
  this.read += 2;
  return rval;
};

/**
 * Gets a uint24 from this buffer in little-endian order and advances the read
 * pointer by 3.
 *
 * @return the uint24.
 */
util.ByteStringBuffer.prototype.getInt24Le = function() {
  var rval = (
    this.data.charCodeAt(this.read) ^
    this.data.charCodeAt(this.read + 1) << 8 ^
    this.data.charCodeAt(this.read + 2) << 16);
  this.read += 3;
  return rval;
};

/**
 * Gets a uint32 from this buffer in little-endian order and advances the read
 * pointer by 4.
 *
 * @return the word.
 */
util.ByteStringBuffer.prototype.getInt32Le = function() {
  var rval = (
    this.data.charCodeAt(this.read) ^
    this.data.charCodeAt(this.read + 1) << 8 ^
    this.data.charCodeAt(this.read + 2) << 16 ^
    this.data.charCodeAt(this.read + 3) << 24);
  this.read += 4;
  return rval;
};

/**
 * Gets an n-bit integer from this buffer in big-endian order and advances the
 * read pointer by ceil(n/8).
 *
 * @param n the number of bits in the integer (8, 16, 24, or 32).
 *
 * @return the integer.
 */
util.ByteStringBuffer.prototype.getInt = function(n) {
  _checkBitsParam(n);
  var rval = 0;
  do {
    // TODO: Use (rval * 0x100) if adding support for 33 to 53 bits.
    rval = (rval << 8) + this.data.charCodeAt(this.read++);
    n -= 8;
  } while(n > 0);
  return rval;
};

/**
 * Gets a signed n-bit integer from this buffer in big-endian order, using
 * two's complement, and advances the read pointer by n/8.
 *
 * @param n the number of bits in the integer (8, 16, 24, or 32).
 *
 * @return the integer.
 */
util.ByteStringBuffer.prototype.getSignedInt = function(n) {
  // getInt checks n
  var x = this.getInt(n);
  var max = 2 << (n - 2);
  if(x >= max) {
    x -= max << 1;
  }
  return x;
};

/**
 * Reads bytes out as a binary encoded string and clears them from the
 * buffer. Note that the resulting string is binary encoded (in node.js this
 * encoding is referred to as `binary`, it is *not* `utf8`).
 *
 * @param count the number of bytes to read, undefined or null for all.
 *
 * @return a binary encoded string of bytes.
 */
util.ByteStringBuffer.prototype.getBytes = function(count) {
  var rval;
  if(count) {
    // read count bytes
    count = Math.min(this.length(), count);
    rval = this.data.slice(this.read, this.read + count);
    this.read += count;
  } else if(count === 0) {
    rval = '';
  } else {
    // read all bytes, optimize to only copy when needed
    rval = (this.read === 0) ? this.data : this.data.slice(this.read);
    this.clear();
  }
  return rval;
};

/**
 * Gets a binary encoded string of the bytes from this buffer without
 * modifying the read pointer.
 *
 * @param count the number of bytes to get, omit to get all.
 *
 * @return a string full of binary encoded characters.
 */
util.ByteStringBuffer.prototype.bytes = function(count) {
  return (typeof(count) === 'undefined' ?
    this.data.slice(this.read) :
    this.data.slice(this.read, this.read + count));
};

/**
 * Gets a byte at the given index without modifying the read pointer.
 *
 * @param i the byte index.
 *
 * @return the byte.
 */
util.ByteStringBuffer.prototype.at = function(i) {
  return this.data.charCodeAt(this.read + i);
};

/**
 * Puts a byte at the given index without modifying the read pointer.
 *
 * @param i the byte index.
 * @param b the byte to put.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.setAt = function(i, b) {
  this.data = this.data.substr(0, this.read + i) +
    String.fromCharCode(b) +
    this.data.substr(this.read + i + 1);
  return this;
};

/**
 * Gets the last byte without modifying the read pointer.
 *
 * @return the last byte.
 */
util.ByteStringBuffer.prototype.last = function() {
  return this.data.charCodeAt(this.data.length - 1);
};

/**
 * Creates a copy of this buffer.
 *
 * @return the copy.
 */
util.ByteStringBuffer.prototype.copy = function() {
  var c = util.createBuffer(this.data);
  c.read = this.read;
  return c;
};

/**
 * Compacts this buffer.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.compact = function() {
  if(this.read > 0) {
    this.data = this.data.slice(this.read);
    this.read = 0;
  }
  return this;
};

/**
 * Clears this buffer.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.clear = function() {
  this.data = '';
  this.read = 0;
  return this;
};

/**
 * Shortens this buffer by trimming bytes off of the end of this buffer.
 *
 * @param count the number of bytes to trim off.
 *
 * @return this buffer.
 */
util.ByteStringBuffer.prototype.truncate = function(count) {
  var len = Math.max(0, this.length() - count);
  this.data = this.data.substr(this.read, len);
  this.read = 0;
  return this;
};

/**
 * Converts this buffer to a hexadecimal string.
 *
 * @return a hexadecimal string.
 */
util.ByteStringBuffer.prototype.toHex = function() {
  var rval = '';
  for(var i = this.read; i < this.data.length; ++i) {
    var b = this.data.charCodeAt(i);
    if(b < 16) {
      rval += '0';
    }
    rval += b.toString(16);
  }
  return rval;
};

/**
 * Converts this buffer to a UTF-16 string (standard JavaScript string).
 *
 * @return a UTF-16 string.
 */
util.ByteStringBuffer.prototype.toString = function() {
  return util.decodeUtf8(this.bytes());
};

/** End Buffer w/BinaryString backing */

/** Buffer w/UInt8Array backing */

/**
 * FIXME: Experimental. Do not use yet.
 *
 * Constructor for an ArrayBuffer-backed byte buffer.
 *
 * The buffer may be constructed from a string, an ArrayBuffer, DataView, or a
 * TypedArray.
 *
 * If a string is given, its encoding should be provided as an option,
 * otherwise it will default to 'binary'. A 'binary' string is encoded such
 * that each character is one byte in length and size.
 *
 * If an ArrayBuffer, DataView, or TypedArray is given, it will be used
 * *directly* without any copying. Note that, if a write to the buffer requires
 * more space, the buffer will allocate a new backing ArrayBuffer to
 * accommodate. The starting read and write offsets for the buffer may be
 * given as options.
 *
 * @param [b] the initial bytes for this buffer.
 * @param options the options to use:
 *          [readOffset] the starting read offset to use (default: 0).
 *          [writeOffset] the starting write offset to use (default: the
 *            length of the first parameter).
 *          [growSize] the minimum amount, in bytes, to grow the buffer by to
 *            accommodate writes (default: 1024).
 *          [encoding] the encoding ('binary', 'utf8', 'utf16', 'hex') for the
 *            first parameter, if it is a string (default: 'binary').
 */
function DataBuffer(b, options) {
  // default options
  options = options || {};

  // pointers for read from/write to buffer
  this.read = options.readOffset || 0;
  this.growSize = options.growSize || 1024;

  var isArrayBuffer = util.isArrayBuffer(b);
  var isArrayBufferView = util.isArrayBufferView(b);
  if(isArrayBuffer || isArrayBufferView) {
    // use ArrayBuffer directly
    if(isArrayBuffer) {
      this.data = new DataView(b);
    } else {
      // TODO: adjust read/write offset based on the type of view
      // or specify that this must be done in the options ... that the
      // offsets are byte-based
      this.data = new DataView(b.buffer, b.byteOffset, b.byteLength);
    }
    this.write = ('writeOffset' in options ?
      options.writeOffset : this.data.byteLength);
    return;
  }

  // initialize to empty array buffer and add any given bytes using putBytes
  this.data = new DataView(new ArrayBuffer(0));
  this.write = 0;

  if(b !== null && b !== undefined) {
    this.putBytes(b);
  }

  if('writeOffset' in options) {
    this.write = options.writeOffset;
  }
}
util.DataBuffer = DataBuffer;

/**
 * Gets the number of bytes in this buffer.
 *
 * @return the number of bytes in this buffer.
 */
util.DataBuffer.prototype.length = function() {
  return this.write - this.read;
};

/**
 * Gets whether or not this buffer is empty.
 *
 * @return true if this buffer is empty, false if not.
 */
util.DataBuffer.prototype.isEmpty = function() {
  return this.length() <= 0;
};

/**
 * Ensures this buffer has enough empty space to accommodate the given number
 * of bytes. An optional parameter may be given that indicates a minimum
 * amount to grow the buffer if necessary. If the parameter is not given,
 * the buffer will be grown by some previously-specified default amount
 * or heuristic.
 *
 * @param amount the number of bytes to accommodate.
 * @param [growSize] the minimum amount, in bytes, to grow the buffer by if
 *          necessary.
 */
util.DataBuffer.prototype.accommodate = function(amount, growSize) {
  if(this.length() >= amount) {
    return this;
  }
  growSize = Math.max(growSize || this.growSize, amount);

  // grow buffer
  var src = new Uint8Array(
    this.data.buffer, this.data.byteOffset, this.data.byteLength);
  var dst = new Uint8Array(this.length() + growSize);
  dst.set(src);
  this.data = new DataView(dst.buffer);

  return this;
};

/**
 * Puts a byte in this buffer.
 *
 * @param b the byte to put.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putByte = function(b) {
  this.accommodate(1);
  this.data.setUint8(this.write++, b);
  return this;
};

/**
 * Puts a byte in this buffer N times.
 *
 * @param b the byte to put.
 * @param n the number of bytes of value b to put.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.fillWithByte = function(b, n) {
  this.accommodate(n);
  for(var i = 0; i < n; ++i) {
    this.data.setUint8(b);
  }
  return this;
};

/**
 * Puts bytes in this buffer. The bytes may be given as a string, an
 * ArrayBuffer, a DataView, or a TypedArray.
 *
 * @param bytes the bytes to put.
 * @param [encoding] the encoding for the first parameter ('binary', 'utf8',
 *          'utf16', 'hex'), if it is a string (default: 'binary').
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putBytes = function(bytes, encoding) {
  if(util.isArrayBufferView(bytes)) {
    var src = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    var len = src.byteLength - src.byteOffset;
    this.accommodate(len);
    var dst = new Uint8Array(this.data.buffer, this.write);
    dst.set(src);
    this.write += len;
    return this;
  }

  if(util.isArrayBuffer(bytes)) {
    var src = new Uint8Array(bytes);
    this.accommodate(src.byteLength);
    var dst = new Uint8Array(this.data.buffer);
    dst.set(src, this.write);
    this.write += src.byteLength;
    return this;
  }

  // bytes is a util.DataBuffer or equivalent
  if(bytes instanceof util.DataBuffer ||
    (typeof bytes === 'object' &&
    typeof bytes.read === 'number' && typeof bytes.write === 'number' &&
    util.isArrayBufferView(bytes.data))) {
    var src = new Uint8Array(bytes.data.byteLength, bytes.read, bytes.length());
    this.accommodate(src.byteLength);
    var dst = new Uint8Array(bytes.data.byteLength, this.write);
    dst.set(src);
    this.write += src.byteLength;
    return this;
  }

  if(bytes instanceof util.ByteStringBuffer) {
    // copy binary string and process as the same as a string parameter below
    bytes = bytes.data;
    encoding = 'binary';
  }

  // string conversion
  encoding = encoding || 'binary';
  if(typeof bytes === 'string') {
    var view;

    // decode from string
    if(encoding === 'hex') {
      this.accommodate(Math.ceil(bytes.length / 2));
      view = new Uint8Array(this.data.buffer, this.write);
      this.write += util.binary.hex.decode(bytes, view, this.write);
      return this;
    }
    if(encoding === 'base64') {
      this.accommodate(Math.ceil(bytes.length / 4) * 3);
      view = new Uint8Array(this.data.buffer, this.write);
      this.write += util.binary.base64.decode(bytes, view, this.write);
      return this;
    }

    // encode text as UTF-8 bytes
    if(encoding === 'utf8') {
      // encode as UTF-8 then decode string as raw binary
      bytes = util.encodeUtf8(bytes);
      encoding = 'binary';
    }

    // decode string as raw binary
    if(encoding === 'binary' || encoding === 'raw') {
      // one byte per character
      this.accommodate(bytes.length);
      view = new Uint8Array(this.data.buffer, this.write);
      this.write += util.binary.raw.decode(view);
      return this;
    }

    // encode text as UTF-16 bytes
    if(encoding === 'utf16') {
      // two bytes per character
      this.accommodate(bytes.length * 2);
      view = new Uint16Array(this.data.buffer, this.write);
      this.write += util.text.utf16.encode(view);
      return this;
    }

    throw new Error('Invalid encoding: ' + encoding);
  }

  throw Error('Invalid parameter: ' + bytes);
};

/**
 * Puts the given buffer into this buffer.
 *
 * @param buffer the buffer to put into this one.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putBuffer = function(buffer) {
  this.putBytes(buffer);
  buffer.clear();
  return this;
};

/**
 * Puts a string into this buffer.
 *
 * @param str the string to put.
 * @param [encoding] the encoding for the string (default: 'utf16').
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putString = function(str) {
  return this.putBytes(str, 'utf16');
};

/**
 * Puts a 16-bit integer in this buffer in big-endian order.
 *
 * @param i the 16-bit integer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putInt16 = function(i) {
  this.accommodate(2);
  this.data.setInt16(this.write, i);
  this.write += 2;
  return this;
};

/**
 * Puts a 24-bit integer in this buffer in big-endian order.
 *
 * @param i the 24-bit integer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putInt24 = function(i) {
  this.accommodate(3);
  this.data.setInt16(this.write, i >> 8 & 0xFFFF);
  this.data.setInt8(this.write, i >> 16 & 0xFF);
  this.write += 3;
  return this;
};

/**
 * Puts a 32-bit integer in this buffer in big-endian order.
 *
 * @param i the 32-bit integer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putInt32 = function(i) {
  this.accommodate(4);
  this.data.setInt32(this.write, i);
  this.write += 4;
  return this;
};

/**
 * Puts a 16-bit integer in this buffer in little-endian order.
 *
 * @param i the 16-bit integer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putInt16Le = function(i) {
  this.accommodate(2);
  this.data.setInt16(this.write, i, true);
  this.write += 2;
  return this;
};

/**
 * Puts a 24-bit integer in this buffer in little-endian order.
 *
 * @param i the 24-bit integer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putInt24Le = function(i) {
  this.accommodate(3);
  this.data.setInt8(this.write, i >> 16 & 0xFF);
  this.data.setInt16(this.write, i >> 8 & 0xFFFF, true);
  this.write += 3;
  return this;
};

/**
 * Puts a 32-bit integer in this buffer in little-endian order.
 *
 * @param i the 32-bit integer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putInt32Le = function(i) {
  this.accommodate(4);
  this.data.setInt32(this.write, i, true);
  this.write += 4;
  return this;
};

/**
 * Puts an n-bit integer in this buffer in big-endian order.
 *
 * @param i the n-bit integer.
 * @param n the number of bits in the integer (8, 16, 24, or 32).
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putInt = function(i, n) {
  _checkBitsParam(n);
  this.accommodate(n / 8);
  do {
    n -= 8;
    this.data.setInt8(this.write++, (i >> n) & 0xFF);
  } while(n > 0);
  return this;
};

/**
 * Puts a signed n-bit integer in this buffer in big-endian order. Two's
 * complement representation is used.
 *
 * @param i the n-bit integer.
 * @param n the number of bits in the integer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.putSignedInt = function(i, n) {
  _checkBitsParam(n);
  this.accommodate(n / 8);
  if(i < 0) {
    i += 2 << (n - 1);
  }
  return this.putInt(i, n);
};

/**
 * Gets a byte from this buffer and advances the read pointer by 1.
 *
 * @return the byte.
 */
util.DataBuffer.prototype.getByte = function() {
  return this.data.getInt8(this.read++);
};

/**
 * Gets a uint16 from this buffer in big-endian order and advances the read
 * pointer by 2.
 *
 * @return the uint16.
 */
util.DataBuffer.prototype.getInt16 = function() {
  var rval = this.data.getInt16(this.read);
  this.read += 2;
  return rval;
};

/**
 * Gets a uint24 from this buffer in big-endian order and advances the read
 * pointer by 3.
 *
 * @return the uint24.
 */
util.DataBuffer.prototype.getInt24 = function() {
  var rval = (
    this.data.getInt16(this.read) << 8 ^
    this.data.getInt8(this.read + 2));
  this.read += 3;
  return rval;
};

/**
 * Gets a uint32 from this buffer in big-endian order and advances the read
 * pointer by 4.
 *
 * @return the word.
 */
util.DataBuffer.prototype.getInt32 = function() {
  var rval = this.data.getInt32(this.read);
  this.read += 4;
  return rval;
};

/**
 * Gets a uint16 from this buffer in little-endian order and advances the read
 * pointer by 2.
 *
 * @return the uint16.
 */
util.DataBuffer.prototype.getInt16Le = function() {
  var rval = this.data.getInt16(this.read, true);
  this.read += 2;
  return rval;
};

/**
 * Gets a uint24 from this buffer in little-endian order and advances the read
 * pointer by 3.
 *
 * @return the uint24.
 */
util.DataBuffer.prototype.getInt24Le = function() {
  var rval = (
    this.data.getInt8(this.read) ^
    this.data.getInt16(this.read + 1, true) << 8);
  this.read += 3;
  return rval;
};

/**
 * Gets a uint32 from this buffer in little-endian order and advances the read
 * pointer by 4.
 *
 * @return the word.
 */
util.DataBuffer.prototype.getInt32Le = function() {
  var rval = this.data.getInt32(this.read, true);
  this.read += 4;
  return rval;
};

/**
 * Gets an n-bit integer from this buffer in big-endian order and advances the
 * read pointer by n/8.
 *
 * @param n the number of bits in the integer (8, 16, 24, or 32).
 *
 * @return the integer.
 */
util.DataBuffer.prototype.getInt = function(n) {
  _checkBitsParam(n);
  var rval = 0;
  do {
    // TODO: Use (rval * 0x100) if adding support for 33 to 53 bits.
    rval = (rval << 8) + this.data.getInt8(this.read++);
    n -= 8;
  } while(n > 0);
  return rval;
};

/**
 * Gets a signed n-bit integer from this buffer in big-endian order, using
 * two's complement, and advances the read pointer by n/8.
 *
 * @param n the number of bits in the integer (8, 16, 24, or 32).
 *
 * @return the integer.
 */
util.DataBuffer.prototype.getSignedInt = function(n) {
  // getInt checks n
  var x = this.getInt(n);
  var max = 2 << (n - 2);
  if(x >= max) {
    x -= max << 1;
  }
  return x;
};

/**
 * Reads bytes out as a binary encoded string and clears them from the
 * buffer.
 *
 * @param count the number of bytes to read, undefined or null for all.
 *
 * @return a binary encoded string of bytes.
 */
util.DataBuffer.prototype.getBytes = function(count) {
  // TODO: deprecate this method, it is poorly named and
  // this.toString('binary') replaces it
  // add a toTypedArray()/toArrayBuffer() function
  var rval;
  if(count) {
    // read count bytes
    count = Math.min(this.length(), count);
    rval = this.data.slice(this.read, this.read + count);
    this.read += count;
  } else if(count === 0) {
    rval = '';
  } else {
    // read all bytes, optimize to only copy when needed
    rval = (this.read === 0) ? this.data : this.data.slice(this.read);
    this.clear();
  }
  return rval;
};

/**
 * Gets a binary encoded string of the bytes from this buffer without
 * modifying the read pointer.
 *
 * @param count the number of bytes to get, omit to get all.
 *
 * @return a string full of binary encoded characters.
 */
util.DataBuffer.prototype.bytes = function(count) {
  // TODO: deprecate this method, it is poorly named, add "getString()"
  return (typeof(count) === 'undefined' ?
    this.data.slice(this.read) :
    this.data.slice(this.read, this.read + count));
};

/**
 * Gets a byte at the given index without modifying the read pointer.
 *
 * @param i the byte index.
 *
 * @return the byte.
 */
util.DataBuffer.prototype.at = function(i) {
  return this.data.getUint8(this.read + i);
};

/**
 * Puts a byte at the given index without modifying the read pointer.
 *
 * @param i the byte index.
 * @param b the byte to put.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.setAt = function(i, b) {
  this.data.setUint8(i, b);
  return this;
};

/**
 * Gets the last byte without modifying the read pointer.
 *
 * @return the last byte.
 */
util.DataBuffer.prototype.last = function() {
  return this.data.getUint8(this.write - 1);
};

/**
 * Creates a copy of this buffer.
 *
 * @return the copy.
 */
util.DataBuffer.prototype.copy = function() {
  return new util.DataBuffer(this);
};

/**
 * Compacts this buffer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.compact = function() {
  if(this.read > 0) {
    var src = new Uint8Array(this.data.buffer, this.read);
    var dst = new Uint8Array(src.byteLength);
    dst.set(src);
    this.data = new DataView(dst);
    this.write -= this.read;
    this.read = 0;
  }
  return this;
};

/**
 * Clears this buffer.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.clear = function() {
  this.data = new DataView(new ArrayBuffer(0));
  this.read = this.write = 0;
  return this;
};

/**
 * Shortens this buffer by trimming bytes off of the end of this buffer.
 *
 * @param count the number of bytes to trim off.
 *
 * @return this buffer.
 */
util.DataBuffer.prototype.truncate = function(count) {
  this.write = Math.max(0, this.length() - count);
  this.read = Math.min(this.read, this.write);
  return this;
};

/**
 * Converts this buffer to a hexadecimal string.
 *
 * @return a hexadecimal string.
 */
util.DataBuffer.prototype.toHex = function() {
  var rval = '';
  for(var i = this.read; i < this.data.byteLength; ++i) {
    var b = this.data.getUint8(i);
    if(b < 16) {
      rval += '0';
    }
    rval += b.toString(16);
  }
  return rval;
};

/**
 * Converts this buffer to a string, using the given encoding. If no
 * encoding is given, 'utf8' (UTF-8) is used.
 *
 * @param [encoding] the encoding to use: 'binary', 'utf8', 'utf16', 'hex',
 *          'base64' (default: 'utf8').
 *
 * @return a string representation of the bytes in this buffer.
 */
util.DataBuffer.prototype.toString = function(encoding) {
  var view = new Uint8Array(this.data, this.read, this.length());
  encoding = encoding || 'utf8';

  // encode to string
  if(encoding === 'binary' || encoding === 'raw') {
    return util.binary.raw.encode(view);
  }
  if(encoding === 'hex') {
    return util.binary.hex.encode(view);
  }
  if(encoding === 'base64') {
    return util.binary.base64.encode(view);
  }

  // decode to text
  if(encoding === 'utf8') {
    return util.text.utf8.decode(view);
  }
  if(encoding === 'utf16') {
    return util.text.utf16.decode(view);
  }

  throw new Error('Invalid encoding: ' + encoding);
};

/** End Buffer w/UInt8Array backing */

/**
 * Creates a buffer that stores bytes. A value may be given to populate the
 * buffer with data. This value can either be string of encoded bytes or a
 * regular string of characters. When passing a string of binary encoded
 * bytes, the encoding `raw` should be given. This is also the default. When
 * passing a string of characters, the encoding `utf8` should be given.
 *
 * @param [input] a string with encoded bytes to store in the buffer.
 * @param [encoding] (default: 'raw', other: 'utf8').
 */
util.createBuffer = function(input, encoding) {
  // TODO: deprecate, use new ByteBuffer() instead
  encoding = encoding || 'raw';
  if(input !== undefined && encoding === 'utf8') {
    input = util.encodeUtf8(input);
  }
  return new util.ByteBuffer(input);
};

/**
 * Fills a string with a particular value. If you want the string to be a byte
 * string, pass in String.fromCharCode(theByte).
 *
 * @param c the character to fill the string with, use String.fromCharCode
 *          to fill the string with a byte value.
 * @param n the number of characters of value c to fill with.
 *
 * @return the filled string.
 */
util.fillString = function(c, n) {
  var s = '';
  while(n > 0) {
    if(n & 1) {
      s += c;
    }
    n >>>= 1;
    if(n > 0) {
      c += c;
    }
  }
  return s;
};

/**
 * Performs a per byte XOR between two byte strings and returns the result as a
 * string of bytes.
 *
 * @param s1 first string of bytes.
 * @param s2 second string of bytes.
 * @param n the number of bytes to XOR.
 *
 * @return the XOR'd result.
 */
util.xorBytes = function(s1, s2, n) {
  var s3 = '';
  var b = '';
  var t = '';
  var i = 0;
  var c = 0;
  for(; n > 0; --n, ++i) {
    b = s1.charCodeAt(i) ^ s2.charCodeAt(i);
    if(c >= 10) {
      s3 += t;
      t = '';
      c = 0;
    }
    t += String.fromCharCode(b);
    ++c;
  }
  s3 += t;
  return s3;
};

/**
 * Converts a hex string into a 'binary' encoded string of bytes.
 *
 * @param hex the hexadecimal string to convert.
 *
 * @return the binary-encoded string of bytes.
 */
util.hexToBytes = function(hex) {
  // TODO: deprecate: "Deprecated. Use util.binary.hex.decode instead."
  var rval = '';
  var i = 0;
  if(hex.length & 1 == 1) {
    // odd number of characters, convert first character alone
    i = 1;
    rval += String.fromCharCode(parseInt(hex[0], 16));
  }
  // convert 2 characters (1 byte) at a time
  for(; i < hex.length; i += 2) {
    rval += String.fromCharCode(parseInt(hex.substr(i, 2), 16));
  }
  return rval;
};

/**
 * Converts a 'binary' encoded string of bytes to hex.
 *
 * @param bytes the byte string to convert.
 *
 * @return the string of hexadecimal characters.
 */
util.bytesToHex = function(bytes) {
  // TODO: deprecate: "Deprecated. Use util.binary.hex.encode instead."
  return util.createBuffer(bytes).toHex();
};

/**
 * Converts an 32-bit integer to 4-big-endian byte string.
 *
 * @param i the integer.
 *
 * @return the byte string.
 */
util.int32ToBytes = function(i) {
  return (
    String.fromCharCode(i >> 24 & 0xFF) +
    String.fromCharCode(i >> 16 & 0xFF) +
    String.fromCharCode(i >> 8 & 0xFF) +
    String.fromCharCode(i & 0xFF));
};

// base64 characters, reverse mapping
var _base64 =
  'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=';
var _base64Idx = [
/*43 -43 = 0*/
/*'+',  1,  2,  3,'/' */
   62, -1, -1, -1, 63,

/*'0','1','2','3','4','5','6','7','8','9' */
   52, 53, 54, 55, 56, 57, 58, 59, 60, 61,

/*15, 16, 17,'=', 19, 20, 21 */
  -1, -1, -1, 64, -1, -1, -1,

/*65 - 43 = 22*/
/*'A','B','C','D','E','F','G','H','I','J','K','L','M', */
   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12,

/*'N','O','P','Q','R','S','T','U','V','W','X','Y','Z' */
   13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,

/*91 - 43 = 48 */
/*48, 49, 50, 51, 52, 53 */
  -1, -1, -1, -1, -1, -1,

/*97 - 43 = 54*/
/*'a','b','c','d','e','f','g','h','i','j','k','l','m' */
   26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38,

/*'n','o','p','q','r','s','t','u','v','w','x','y','z' */
   39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51
];

// base58 characters (Bitcoin alphabet)
var _base58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/**
 * Base64 encodes a 'binary' encoded string of bytes.
 *
 * @param input the binary encoded string of bytes to base64-encode.
 * @param maxline the maximum number of encoded characters per line to use,
 *          defaults to none.
 *
 * @return the base64-encoded output.
 */
util.encode64 = function(input, maxline) {
  // TODO: deprecate: "Deprecated. Use util.binary.base64.encode instead."
  var line = '';
  var output = '';
  var chr1, chr2, chr3;
  var i = 0;
  while(i < input.length) {
    chr1 = input.charCodeAt(i++);
    chr2 = input.charCodeAt(i++);
    chr3 = input.charCodeAt(i++);

    // encode 4 character group
    line += _base64.charAt(chr1 >> 2);
    line += _base64.charAt(((chr1 & 3) << 4) | (chr2 >> 4));
    if(isNaN(chr2)) {
      line += '==';
    } else {
      line += _base64.charAt(((chr2 & 15) << 2) | (chr3 >> 6));
      line += isNaN(chr3) ? '=' : _base64.charAt(chr3 & 63);
    }

    if(maxline && line.length > maxline) {
      output += line.substr(0, maxline) + '\r\n';
      line = line.substr(maxline);
    }
  }
  output += line;
  return output;
};

/**
 * Base64 decodes a string into a 'binary' encoded string of bytes.
 *
 * @param input the base64-encoded input.
 *
 * @return the binary encoded string.
 */
util.decode64 = function(input) {
  // TODO: deprecate: "Deprecated. Use util.binary.base64.decode instead."

  // remove all non-base64 characters
  input = input.replace(/[^A-Za-z0-9\+\/\=]/g, '');

  var output = '';
  var enc1, enc2, enc3, enc4;
  var i = 0;

  while(i < input.length) {
    enc1 = _base64Idx[input.charCodeAt(i++) - 43];
    enc2 = _base64Idx[input.charCodeAt(i++) - 43];
    enc3 = _base64Idx[input.charCodeAt(i++) - 43];
    enc4 = _base64Idx[input.charCodeAt(i++) - 43];

    output += String.fromCharCode((enc1 << 2) | (enc2 >> 4));
    if(enc3 !== 64) {
      // decoded at least 2 bytes
      output += String.fromCharCode(((enc2 & 15) << 4) | (enc3 >> 2));
      if(enc4 !== 64) {
        // decoded 3 bytes
        output += String.fromCharCode(((enc3 & 3) << 6) | enc4);
      }
    }
  }

  return output;
};

/**
 * Encodes the given string of characters (a standard JavaScript
 * string) as a binary encoded string where the bytes represent
 * a UTF-8 encoded string of characters. Non-ASCII characters will be
 * encoded as multiple bytes according to UTF-8.
 *
 * @param str a standard string of characters to encode.
 *
 * @return the binary encoded string.
 */
util.encodeUtf8 = function(str) {
  return unescape(encodeURIComponent(str));
};

/**
 * Decodes a binary encoded string that contains bytes that
 * represent a UTF-8 encoded string of characters -- into a
 * string of characters (a standard JavaScript string).
 *
 * @param str the binary encoded string to decode.
 *
 * @return the resulting standard string of characters.
 */
util.decodeUtf8 = function(str) {
  return decodeURIComponent(escape(str));
};

// binary encoding/decoding tools
// FIXME: Experimental. Do not use yet.
util.binary = {
  raw: {},
  hex: {},
  base64: {},
  base58: {},
  baseN : {
    encode: baseN.encode,
    decode: baseN.decode
  }
};

/**
 * Encodes a Uint8Array as a binary-encoded string. This encoding uses
 * a value between 0 and 255 for each character.
 *
 * @param bytes the Uint8Array to encode.
 *
 * @return the binary-encoded string.
 */
util.binary.raw.encode = function(bytes) {
  return String.fromCharCode.apply(null, bytes);
};

/**
 * Decodes a binary-encoded string to a Uint8Array. This encoding uses
 * a value between 0 and 255 for each character.
 *
 * @param str the binary-encoded string to decode.
 * @param [output] an optional Uint8Array to write the output to; if it
 *          is too small, an exception will be thrown.
 * @param [offset] the start offset for writing to the output (default: 0).
 *
 * @return the Uint8Array or the number of bytes written if output was given.
 */
util.binary.raw.decode = function(str, output, offset) {
  var out = output;
  if(!out) {
    out = new Uint8Array(str.length);
  }
  offset = offset || 0;
  var j = offset;
  for(var i = 0; i < str.length; ++i) {
    out[j++] = str.charCodeAt(i);
  }
  return output ? (j - offset) : out;
};

/**
 * Encodes a 'binary' string, ArrayBuffer, DataView, TypedArray, or
 * ByteBuffer as a string of hexadecimal characters.
 *
 * @param bytes the bytes to convert.
 *
 * @return the string of hexadecimal characters.
 */
util.binary.hex.encode = util.bytesToHex;

/**
 * Decodes a hex-encoded string to a Uint8Array.
 *
 * @param hex the hexadecimal string to convert.
 * @param [output] an optional Uint8Array to write the output to; if it
 *          is too small, an exception will be thrown.
 * @param [offset] the start offset for writing to the output (default: 0).
 *
 * @return the Uint8Array or the number of bytes written if output was given.
 */
util.binary.hex.decode = function(hex, output, offset) {
  var out = output;
  if(!out) {
    out = new Uint8Array(Math.ceil(hex.length / 2));
  }
  offset = offset || 0;
  var i = 0, j = offset;
  if(hex.length & 1) {
    // odd number of characters, convert first character alone
    i = 1;
    out[j++] = parseInt(hex[0], 16);
  }
  // convert 2 characters (1 byte) at a time
  for(; i < hex.length; i += 2) {
    out[j++] = parseInt(hex.substr(i, 2), 16);
  }
  return output ? (j - offset) : out;
};

/**
 * Base64-encodes a Uint8Array.
 *
 * @param input the Uint8Array to encode.
 * @param maxline the maximum number of encoded characters per line to use,
 *          defaults to none.
 *
 * @return the base64-encoded output string.
 */
util.binary.base64.encode = function(input, maxline) {
  var line = '';
  var output = '';
  var chr1, chr2, chr3;
  var i = 0;
  while(i < input.byteLength) {
    chr1 = input[i++];
    chr2 = input[i++];
    chr3 = input[i++];

    // encode 4 character group
    line += _base64.charAt(chr1 >> 2);
    line += _base64.charAt(((chr1 & 3) << 4) | (chr2 >> 4));
    if(isNaN(chr2)) {
      line += '==';
    } else {
      line += _base64.charAt(((chr2 & 15) << 2) | (chr3 >> 6));
      line += isNaN(chr3) ? '=' : _base64.charAt(chr3 & 63);
    }

    if(maxline && line.length > maxline) {
      output += line.substr(0, maxline) + '\r\n';
      line = line.substr(maxline);
    }
  }
  output += line;
  return output;
};

/**
 * Decodes a base64-encoded string to a Uint8Array.
 *
 * @param input the base64-encoded input string.
 * @param [output] an optional Uint8Array to write the output to; if it
 *          is too small, an exception will be thrown.
 * @param [offset] the start offset for writing to the output (default: 0).
 *
 * @return the Uint8Array or the number of bytes written if output was given.
 */
util.binary.base64.decode = function(input, output, offset) {
  var out = output;
  if(!out) {
    out = new Uint8Array(Math.ceil(input.length / 4) * 3);
  }

  // remove all non-base64 characters
  input = input.replace(/[^A-Za-z0-9\+\/\=]/g, '');

  offset = offset || 0;
  var enc1, enc2, enc3, enc4;
  var i = 0, j = offset;

  while(i < input.length) {
    enc1 = _base64Idx[input.charCodeAt(i++) - 43];
    enc2 = _base64Idx[input.charCodeAt(i++) - 43];
    enc3 = _base64Idx[input.charCodeAt(i++) - 43];
    enc4 = _base64Idx[input.charCodeAt(i++) - 43];

    out[j++] = (enc1 << 2) | (enc2 >> 4);
    if(enc3 !== 64) {
      // decoded at least 2 bytes
      out[j++] = ((enc2 & 15) << 4) | (enc3 >> 2);
      if(enc4 !== 64) {
        // decoded 3 bytes
        out[j++] = ((enc3 & 3) << 6) | enc4;
      }
    }
  }

  // make sure result is the exact decoded length
  return output ? (j - offset) : out.subarray(0, j);
};

// add support for base58 encoding/decoding with Bitcoin alphabet
util.binary.base58.encode = function(input, maxline) {
  return util.binary.baseN.encode(input, _base58, maxline);
};
util.binary.base58.decode = function(input, maxline) {
  return util.binary.baseN.decode(input, _base58, maxline);
};

// text encoding/decoding tools
// FIXME: Experimental. Do not use yet.
util.text = {
  utf8: {},
  utf16: {}
};

/**
 * Encodes the given string as UTF-8 in a Uint8Array.
 *
 * @param str the string to encode.
 * @param [output] an optional Uint8Array to write the output to; if it
 *          is too small, an exception will be thrown.
 * @param [offset] the start offset for writing to the output (default: 0).
 *
 * @return the Uint8Array or the number of bytes written if output was given.
 */
util.text.utf8.encode = function(str, output, offset) {
  str = util.encodeUtf8(str);
  var out = output;
  if(!out) {
    out = new Uint8Array(str.length);
  }
  offset = offset || 0;
  var j = offset;
  for(var i = 0; i < str.length; ++i) {
    out[j++] = str.charCodeAt(i);
  }
  return output ? (j - offset) : out;
};

/**
 * Decodes the UTF-8 contents from a Uint8Array.
 *
 * @param bytes the Uint8Array to decode.
 *
 * @return the resulting string.
 */
util.text.utf8.decode = function(bytes) {
  return util.decodeUtf8(String.fromCharCode.apply(null, bytes));
};

/**
 * Encodes the given string as UTF-16 in a Uint8Array.
 *
 * @param str the string to encode.
 * @param [output] an optional Uint8Array to write the output to; if it
 *          is too small, an exception will be thrown.
 * @param [offset] the start offset for writing to the output (default: 0).
 *
 * @return the Uint8Array or the number of bytes written if output was given.
 */
util.text.utf16.encode = function(str, output, offset) {
  var out = output;
  if(!out) {
    out = new Uint8Array(str.length * 2);
  }
  var view = new Uint16Array(out.buffer);
  offset = offset || 0;
  var j = offset;
  var k = offset;
  for(var i = 0; i < str.length; ++i) {
    view[k++] = str.charCodeAt(i);
    j += 2;
  }
  return output ? (j - offset) : out;
};

/**
 * Decodes the UTF-16 contents from a Uint8Array.
 *
 * @param bytes the Uint8Array to decode.
 *
 * @return the resulting string.
 */
util.text.utf16.decode = function(bytes) {
  return String.fromCharCode.apply(null, new Uint16Array(bytes.buffer));
};

/**
 * Deflates the given data using a flash interface.
 *
 * @param api the flash interface.
 * @param bytes the data.
 * @param raw true to return only raw deflate data, false to include zlib
 *          header and trailer.
 *
 * @return the deflated data as a string.
 */
util.deflate = function(api, bytes, raw) {
  bytes = util.decode64(api.deflate(util.encode64(bytes)).rval);

  // strip zlib header and trailer if necessary
  if(raw) {
    // zlib header is 2 bytes (CMF,FLG) where FLG indicates that
    // there is a 4-byte DICT (alder-32) block before the data if
    // its 5th bit is set
    var start = 2;
    var flg = bytes.charCodeAt(1);
    if(flg & 0x20) {
      start = 6;
    }
    // zlib trailer is 4 bytes of adler-32
    bytes = bytes.substring(start, bytes.length - 4);
  }

  return bytes;
};

/**
 * Inflates the given data using a flash interface.
 *
 * @param api the flash interface.
 * @param bytes the data.
 * @param raw true if the incoming data has no zlib header or trailer and is
 *          raw DEFLATE data.
 *
 * @return the inflated data as a string, null on error.
 */
util.inflate = function(api, bytes, raw) {
  // TODO: add zlib header and trailer if necessary/possible
  var rval = api.inflate(util.encode64(bytes)).rval;
  return (rval === null) ? null : util.decode64(rval);
};

/**
 * Sets a storage object.
 *
 * @param api the storage interface.
 * @param id the storage ID to use.
 * @param obj the storage object, null to remove.
 */
var _setStorageObject = function(api, id, obj) {
  if(!api) {
    throw new Error('WebStorage not available.');
  }

  var rval;
  if(obj === null) {
    rval = api.removeItem(id);
  } else {
    // json-encode and base64-encode object
    obj = util.encode64(JSON.stringify(obj));
    rval = api.setItem(id, obj);
  }

  // handle potential flash error
  if(typeof(rval) !== 'undefined' && rval.rval !== true) {
    var error = new Error(rval.error.message);
    error.id = rval.error.id;
    error.name = rval.error.name;
    throw error;
  }
};

/**
 * Gets a storage object.
 *
 * @param api the storage interface.
 * @param id the storage ID to use.
 *
 * @return the storage object entry or null if none exists.
 */
var _getStorageObject = function(api, id) {
  if(!api) {
    throw new Error('WebStorage not available.');
  }

  // get the existing entry
  var rval = api.getItem(id);

  /* Note: We check api.init because we can't do (api == localStorage)
    on IE because of "Class doesn't support Automation" exception. Only
    the flash api has an init method so this works too, but we need a
    better solution in the future. */

  // flash returns item wrapped in an object, handle special case
  if(api.init) {
    if(rval.rval === null) {
      if(rval.error) {
        var error = new Error(rval.error.message);
        error.id = rval.error.id;
        error.name = rval.error.name;
        throw error;
      }
      // no error, but also no item
      rval = null;
    } else {
      rval = rval.rval;
    }
  }

  // handle decoding
  if(rval !== null) {
    // base64-decode and json-decode data
    rval = JSON.parse(util.decode64(rval));
  }

  return rval;
};

/**
 * Stores an item in local storage.
 *
 * @param api the storage interface.
 * @param id the storage ID to use.
 * @param key the key for the item.
 * @param data the data for the item (any javascript object/primitive).
 */
var _setItem = function(api, id, key, data) {
  // get storage object
  var obj = _getStorageObject(api, id);
  if(obj === null) {
    // create a new storage object
    obj = {};
  }
  // update key
  obj[key] = data;

  // set storage object
  _setStorageObject(api, id, obj);
};

/**
 * Gets an item from local storage.
 *
 * @param api the storage interface.
 * @param id the storage ID to use.
 * @param key the key for the item.
 *
 * @return the item.
 */
var _getItem = function(api, id, key) {
  // get storage object
  var rval = _getStorageObject(api, id);
  if(rval !== null) {
    // return data at key
    rval = (key in rval) ? rval[key] : null;
  }

  return rval;
};

/**
 * Removes an item from local storage.
 *
 * @param api the storage interface.
 * @param id the storage ID to use.
 * @param key the key for the item.
 */
var _removeItem = function(api, id, key) {
  // get storage object
  var obj = _getStorageObject(api, id);
  if(obj !== null && key in obj) {
    // remove key
    delete obj[key];

    // see if entry has no keys remaining
    var empty = true;
    for(var prop in obj) {
      empty = false;
      break;
    }
    if(empty) {
      // remove entry entirely if no keys are left
      obj = null;
    }

    // set storage object
    _setStorageObject(api, id, obj);
  }
};

/**
 * Clears the local disk storage identified by the given ID.
 *
 * @param api the storage interface.
 * @param id the storage ID to use.
 */
var _clearItems = function(api, id) {
  _setStorageObject(api, id, null);
};

/**
 * Calls a storage function.
 *
 * @param func the function to call.
 * @param args the arguments for the function.
 * @param location the location argument.
 *
 * @return the return value from the function.
 */
var _callStorageFunction = function(func, args, location) {
  var rval = null;

  // default storage types
  if(typeof(location) === 'undefined') {
    location = ['web', 'flash'];
  }

  // apply storage types in order of preference
  var type;
  var done = false;
  var exception = null;
  for(var idx in location) {
    type = location[idx];
    try {
      if(type === 'flash' || type === 'both') {
        if(args[0] === null) {
          throw new Error('Flash local storage not available.');
        }
        rval = func.apply(this, args);
        done = (type === 'flash');
      }
      if(type === 'web' || type === 'both') {
        args[0] = localStorage;
        rval = func.apply(this, args);
        done = true;
      }
    } catch(ex) {
      exception = ex;
    }
    if(done) {
      break;
    }
  }

  if(!done) {
    throw exception;
  }

  return rval;
};

/**
 * Stores an item on local disk.
 *
 * The available types of local storage include 'flash', 'web', and 'both'.
 *
 * The type 'flash' refers to flash local storage (SharedObject). In order
 * to use flash local storage, the 'api' parameter must be valid. The type
 * 'web' refers to WebStorage, if supported by the browser. The type 'both'
 * refers to storing using both 'flash' and 'web', not just one or the
 * other.
 *
 * The location array should list the storage types to use in order of
 * preference:
 *
 * ['flash']: flash only storage
 * ['web']: web only storage
 * ['both']: try to store in both
 * ['flash','web']: store in flash first, but if not available, 'web'
 * ['web','flash']: store in web first, but if not available, 'flash'
 *
 * The location array defaults to: ['web', 'flash']
 *
 * @param api the flash interface, null to use only WebStorage.
 * @param id the storage ID to use.
 * @param key the key for the item.
 * @param data the data for the item (any javascript object/primitive).
 * @param location an array with the preferred types of storage to use.
 */
util.setItem = function(api, id, key, data, location) {
  _callStorageFunction(_setItem, arguments, location);
};

/**
 * Gets an item on local disk.
 *
 * Set setItem() for details on storage types.
 *
 * @param api the flash interface, null to use only WebStorage.
 * @param id the storage ID to use.
 * @param key the key for the item.
 * @param location an array with the preferred types of storage to use.
 *
 * @return the item.
 */
util.getItem = function(api, id, key, location) {
  return _callStorageFunction(_getItem, arguments, location);
};

/**
 * Removes an item on local disk.
 *
 * Set setItem() for details on storage types.
 *
 * @param api the flash interface.
 * @param id the storage ID to use.
 * @param key the key for the item.
 * @param location an array with the preferred types of storage to use.
 */
util.removeItem = function(api, id, key, location) {
  _callStorageFunction(_removeItem, arguments, location);
};

/**
 * Clears the local disk storage identified by the given ID.
 *
 * Set setItem() for details on storage types.
 *
 * @param api the flash interface if flash is available.
 * @param id the storage ID to use.
 * @param location an array with the preferred types of storage to use.
 */
util.clearItems = function(api, id, location) {
  _callStorageFunction(_clearItems, arguments, location);
};

/**
 * Check if an object is empty.
 *
 * Taken from:
 * http://stackoverflow.com/questions/679915/how-do-i-test-for-an-empty-javascript-object-from-json/679937#679937
 *
 * @param object the object to check.
 */
util.isEmpty = function(obj) {
  for(var prop in obj) {
    if(obj.hasOwnProperty(prop)) {
      return false;
    }
  }
  return true;
};

/**
 * Format with simple printf-style interpolation.
 *
 * %%: literal '%'
 * %s,%o: convert next argument into a string.
 *
 * @param format the string to format.
 * @param ... arguments to interpolate into the format string.
 */
util.format = function(format) {
  var re = /%./g;
  // current match
  var match;
  // current part
  var part;
  // current arg index
  var argi = 0;
  // collected parts to recombine later
  var parts = [];
  // last index found
  var last = 0;
  // loop while matches remain
  while((match = re.exec(format))) {
    part = format.substring(last, re.lastIndex - 2);
    // don't add empty strings (ie, parts between %s%s)
    if(part.length > 0) {
      parts.push(part);
    }
    last = re.lastIndex;
    // switch on % code
    var code = match[0][1];
    switch(code) {
    case 's':
    case 'o':
      // check if enough arguments were given
      if(argi < arguments.length) {
        parts.push(arguments[argi++ + 1]);
      } else {
        parts.push('<?>');
      }
      break;
    // FIXME: do proper formatting for numbers, etc
    //case 'f':
    //case 'd':
    case '%':
      parts.push('%');
      break;
    default:
      parts.push('<%' + code + '?>');
    }
  }
  // add trailing part of format string
  parts.push(format.substring(last));
  return parts.join('');
};

/**
 * Formats a number.
 *
 * http://snipplr.com/view/5945/javascript-numberformat--ported-from-php/
 */
util.formatNumber = function(number, decimals, dec_point, thousands_sep) {
  // http://kevin.vanzonneveld.net
  // +   original by: Jonas Raoni Soares Silva (http://www.jsfromhell.com)
  // +   improved by: Kevin van Zonneveld (http://kevin.vanzonneveld.net)
  // +     bugfix by: Michael White (http://crestidg.com)
  // +     bugfix by: Benjamin Lupton
  // +     bugfix by: Allan Jensen (http://www.winternet.no)
  // +    revised by: Jonas Raoni Soares Silva (http://www.jsfromhell.com)
  // *     example 1: number_format(1234.5678, 2, '.', '');
  // *     returns 1: 1234.57

  var n = number, c = isNaN(decimals = Math.abs(decimals)) ? 2 : decimals;
  var d = dec_point === undefined ? ',' : dec_point;
  var t = thousands_sep === undefined ?
   '.' : thousands_sep, s = n < 0 ? '-' : '';
  var i = parseInt((n = Math.abs(+n || 0).toFixed(c)), 10) + '';
  var j = (i.length > 3) ? i.length % 3 : 0;
  return s + (j ? i.substr(0, j) + t : '') +
    i.substr(j).replace(/(\d{3})(?=\d)/g, '$1' + t) +
    (c ? d + Math.abs(n - i).toFixed(c).slice(2) : '');
};

/**
 * Formats a byte size.
 *
 * http://snipplr.com/view/5949/format-humanize-file-byte-size-presentation-in-javascript/
 */
util.formatSize = function(size) {
  if(size >= 1073741824) {
    size = util.formatNumber(size / 1073741824, 2, '.', '') + ' GiB';
  } else if(size >= 1048576) {
    size = util.formatNumber(size / 1048576, 2, '.', '') + ' MiB';
  } else if(size >= 1024) {
    size = util.formatNumber(size / 1024, 0) + ' KiB';
  } else {
    size = util.formatNumber(size, 0) + ' bytes';
  }
  return size;
};

/**
 * Converts an IPv4 or IPv6 string representation into bytes (in network order).
 *
 * @param ip the IPv4 or IPv6 address to convert.
 *
 * @return the 4-byte IPv6 or 16-byte IPv6 address or null if the address can't
 *         be parsed.
 */
util.bytesFromIP = function(ip) {
  if(ip.indexOf('.') !== -1) {
    return util.bytesFromIPv4(ip);
  }
  if(ip.indexOf(':') !== -1) {
    return util.bytesFromIPv6(ip);
  }
  return null;
};

/**
 * Converts an IPv4 string representation into bytes (in network order).
 *
 * @param ip the IPv4 address to convert.
 *
 * @return the 4-byte address or null if the address can't be parsed.
 */
util.bytesFromIPv4 = function(ip) {
  ip = ip.split('.');
  if(ip.length !== 4) {
    return null;
  }
  var b = util.createBuffer();
  for(var i = 0; i < ip.length; ++i) {
    var num = parseInt(ip[i], 10);
    if(isNaN(num)) {
      return null;
    }
    b.putByte(num);
  }
  return b.getBytes();
};

/**
 * Converts an IPv6 string representation into bytes (in network order).
 *
 * @param ip the IPv6 address to convert.
 *
 * @return the 16-byte address or null if the address can't be parsed.
 */
util.bytesFromIPv6 = function(ip) {
  var blanks = 0;
  ip = ip.split(':').filter(function(e) {
    if(e.length === 0) ++blanks;
    return true;
  });
  var zeros = (8 - ip.length + blanks) * 2;
  var b = util.createBuffer();
  for(var i = 0; i < 8; ++i) {
    if(!ip[i] || ip[i].length === 0) {
      b.fillWithByte(0, zeros);
      zeros = 0;
      continue;
    }
    var bytes = util.hexToBytes(ip[i]);
    if(bytes.length < 2) {
      b.putByte(0);
    }
    b.putBytes(bytes);
  }
  return b.getBytes();
};

/**
 * Converts 4-bytes into an IPv4 string representation or 16-bytes into
 * an IPv6 string representation. The bytes must be in network order.
 *
 * @param bytes the bytes to convert.
 *
 * @return the IPv4 or IPv6 string representation if 4 or 16 bytes,
 *         respectively, are given, otherwise null.
 */
util.bytesToIP = function(bytes) {
  if(bytes.length === 4) {
    return util.bytesToIPv4(bytes);
  }
  if(bytes.length === 16) {
    return util.bytesToIPv6(bytes);
  }
  return null;
};

/**
 * Converts 4-bytes into an IPv4 string representation. The bytes must be
 * in network order.
 *
 * @param bytes the bytes to convert.
 *
 * @return the IPv4 string representation or null for an invalid # of bytes.
 */
util.bytesToIPv4 = function(bytes) {
  if(bytes.length !== 4) {
    return null;
  }
  var ip = [];
  for(var i = 0; i < bytes.length; ++i) {
    ip.push(bytes.charCodeAt(i));
  }
  return ip.join('.');
};

/**
 * Converts 16-bytes into an IPv16 string representation. The bytes must be
 * in network order.
 *
 * @param bytes the bytes to convert.
 *
 * @return the IPv16 string representation or null for an invalid # of bytes.
 */
util.bytesToIPv6 = function(bytes) {
  if(bytes.length !== 16) {
    return null;
  }
  var ip = [];
  var zeroGroups = [];
  var zeroMaxGroup = 0;
  for(var i = 0; i < bytes.length; i += 2) {
    var hex = util.bytesToHex(bytes[i] + bytes[i + 1]);
    // canonicalize zero representation
    while(hex[0] === '0' && hex !== '0') {
      hex = hex.substr(1);
    }
    if(hex === '0') {
      var last = zeroGroups[zeroGroups.length - 1];
      var idx = ip.length;
      if(!last || idx !== last.end + 1) {
        zeroGroups.push({start: idx, end: idx});
      } else {
        last.end = idx;
        if((last.end - last.start) >
          (zeroGroups[zeroMaxGroup].end - zeroGroups[zeroMaxGroup].start)) {
          zeroMaxGroup = zeroGroups.length - 1;
        }
      }
    }
    ip.push(hex);
  }
  if(zeroGroups.length > 0) {
    var group = zeroGroups[zeroMaxGroup];
    // only shorten group of length > 0
    if(group.end - group.start > 0) {
      ip.splice(group.start, group.end - group.start + 1, '');
      if(group.start === 0) {
        ip.unshift('');
      }
      if(group.end === 7) {
        ip.push('');
      }
    }
  }
  return ip.join(':');
};

/**
 * Estimates the number of processes that can be run concurrently. If
 * creating Web Workers, keep in mind that the main JavaScript process needs
 * its own core.
 *
 * @param options the options to use:
 *          update true to force an update (not use the cached value).
 * @param callback(err, max) called once the operation completes.
 */
util.estimateCores = function(options, callback) {
  if(typeof options === 'function') {
    callback = options;
    options = {};
  }
  options = options || {};
  if('cores' in util && !options.update) {
    return callback(null, util.cores);
  }
  if(typeof navigator !== 'undefined' &&
    'hardwareConcurrency' in navigator &&
    navigator.hardwareConcurrency > 0) {
    util.cores = navigator.hardwareConcurrency;
    return callback(null, util.cores);
  }
  if(typeof Worker === 'undefined') {
    // workers not available
    util.cores = 1;
    return callback(null, util.cores);
  }
  if(typeof Blob === 'undefined') {
    // can't estimate, default to 2
    util.cores = 2;
    return callback(null, util.cores);
  }

  // create worker concurrency estimation code as blob
  var blobUrl = URL.createObjectURL(new Blob(['(',
    function() {
      self.addEventListener('message', function(e) {
        // run worker for 4 ms
        var st = Date.now();
        var et = st + 4;
        while(Date.now() < et);
        self.postMessage({st: st, et: et});
      });
    }.toString(),
  ')()'], {type: 'application/javascript'}));

  // take 5 samples using 16 workers
  sample([], 5, 16);

  function sample(max, samples, numWorkers) {
    if(samples === 0) {
      // get overlap average
      var avg = Math.floor(max.reduce(function(avg, x) {
        return avg + x;
      }, 0) / max.length);
      util.cores = Math.max(1, avg);
      URL.revokeObjectURL(blobUrl);
      return callback(null, util.cores);
    }
    map(numWorkers, function(err, results) {
      max.push(reduce(numWorkers, results));
      sample(max, samples - 1, numWorkers);
    });
  }

  function map(numWorkers, callback) {
    var workers = [];
    var results = [];
    for(var i = 0; i < numWorkers; ++i) {
      var worker = new Worker(blobUrl);
      worker.addEventListener('message', function(e) {
        results.push(e.data);
        if(results.length === numWorkers) {
          for(var i = 0; i < numWorkers; ++i) {
            workers[i].terminate();
          }
          callback(null, results);
        }
      });
      workers.push(worker);
    }
    for(var i = 0; i < numWorkers; ++i) {
      workers[i].postMessage(i);
    }
  }

  function reduce(numWorkers, results) {
    // find overlapping time windows
    var overlaps = [];
    for(var n = 0; n < numWorkers; ++n) {
      var r1 = results[n];
      var overlap = overlaps[n] = [];
      for(var i = 0; i < numWorkers; ++i) {
        if(n === i) {
          continue;
        }
        var r2 = results[i];
        if((r1.st > r2.st && r1.st < r2.et) ||
          (r2.st > r1.st && r2.st < r1.et)) {
          overlap.push(i);
        }
      }
    }
    // get maximum overlaps ... don't include overlapping worker itself
    // as the main JS process was also being scheduled during the work and
    // would have to be subtracted from the estimate anyway
    return overlaps.reduce(function(max, overlap) {
      return Math.max(max, overlap.length);
    }, 0);
  }
};


/***/ }),

/***/ 4997:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   bG: () => (/* binding */ linkIssuers),
/* harmony export */   u_: () => (/* binding */ missingIssuerProblems)
/* harmony export */ });
/* unused harmony exports issuerCandidates, signedBy */
/* harmony import */ var _location_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1865);
/* harmony import */ var _parse_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4256);
// Who issued whom within the set: same issuer/subject Name bytes, matching key identifiers, and
// a signature that verifies. Also the later check against the tenant's store.


/** Certificates that could have issued `child`: subject == child's issuer, and key identifiers agree. */
function issuerCandidates(child, pool) {
    return pool.filter((candidate) => candidate !== child &&
        candidate.thumbprint !== child.thumbprint &&
        candidate.subjectDer.equals(child.issuerDer) &&
        // AKI names the issuer's SKI; a candidate without the SKI extension is left to the signature check.
        (child.authorityKeyIdentifier === undefined ||
            !candidate.hasSubjectKeyIdentifierExtension ||
            candidate.subjectKeyIdentifier === child.authorityKeyIdentifier));
}
/** Whether `issuer` signed `child` (OpenSSL's issued-by check, then the signature itself). */
function signedBy(child, issuer) {
    const childX509 = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .x509Of */ .Yh)(child);
    const issuerX509 = (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .x509Of */ .Yh)(issuer);
    return childX509.checkIssued(issuerX509) && (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .verifies */ .s1)(childX509, issuerX509);
}
/** Finds each non-root CA's issuers in the set, and reports those that are missing or do not verify. */
function linkIssuers(cas, deferMissingIssuers) {
    const issuersOf = new Map();
    const deferred = new Set();
    const problems = [];
    for (const ca of cas) {
        if (ca.selfSigned)
            continue;
        const name = (0,_location_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCertificate */ .dF)(ca.source, ca.subject);
        const candidates = issuerCandidates(ca, cas);
        const issuers = candidates.filter((candidate) => signedBy(ca, candidate)).sort((a, b) => Number(b.selfSigned) - Number(a.selfSigned));
        issuersOf.set(ca, issuers);
        if (issuers.length > 0)
            continue;
        if (candidates.length > 0) {
            const issuer = candidates[0];
            problems.push((0,_location_js__WEBPACK_IMPORTED_MODULE_1__/* .certificateProblem */ .VP)('error', ca.source, `${name}: its signature does not verify against its issuer "${ca.issuer}" in ${issuer?.source.file ?? 'the set'} ` +
                '(that CA did not sign it: another key of the same name, or a damaged signature); publish the CA certificate that really signed it'));
        }
        else if (ca.subjectDer.equals(ca.issuerDer)) {
            problems.push((0,_location_js__WEBPACK_IMPORTED_MODULE_1__/* .certificateProblem */ .VP)('error', ca.source, `${name} is self-issued but its signature does not verify with its own key, so it is no valid root; export it again or remove it`));
        }
        else if (deferMissingIssuers) {
            deferred.add(ca);
        }
        else {
            problems.push(missingIssuer(ca.source, ca.subject, ca.issuer, 'is not in the set'));
        }
    }
    return { issuersOf, deferred, problems };
}
function missingIssuer(source, subject, issuer, where) {
    return (0,_location_js__WEBPACK_IMPORTED_MODULE_1__/* .certificateProblem */ .VP)('error', source, `${(0,_location_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCertificate */ .dF)(source, subject)}: its issuer "${issuer}" ${where}; add the issuing CA's certificate to \`certificates\``);
}
/**
 * For a set analysed with `deferMissingIssuers`: the intermediates whose issuer is in neither the
 * set nor the given store certificates (e.g. what the tenant already trusts), or whose issuer in
 * the store does not verify their signature. Unparsable store certificates are ignored. Only the
 * CAs the analysis marked `issuerOutsideSet` are looked at (and parsed again), so the usual run,
 * where every issuer is in the set, costs nothing here.
 */
function missingIssuerProblems(authorities, storeCertificatesDer) {
    const deferred = authorities.filter((authority) => authority.issuerOutsideSet === true);
    if (deferred.length === 0)
        return [];
    const parse = (der, source) => {
        try {
            return (0,_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseCertificate */ .hB)(der, source);
        }
        catch {
            return undefined;
        }
    };
    // A CA record keeps `index` only when its file held several certificates; count just needs to say so.
    const orphans = deferred.flatMap((authority) => {
        const source = { file: authority.file, index: authority.index ?? 1, count: authority.index === undefined ? 1 : 2 };
        return parse(authority.der, source) ?? [];
    });
    const store = storeCertificatesDer.flatMap((der, i) => parse(der, { file: "the tenant's store", index: i + 1, count: storeCertificatesDer.length }) ?? []);
    const problems = [];
    for (const ca of orphans) {
        const candidates = issuerCandidates(ca, store);
        if (candidates.some((candidate) => signedBy(ca, candidate)))
            continue;
        problems.push(candidates.length > 0
            ? (0,_location_js__WEBPACK_IMPORTED_MODULE_1__/* .certificateProblem */ .VP)('error', ca.source, `${(0,_location_js__WEBPACK_IMPORTED_MODULE_1__/* .describeCertificate */ .dF)(ca.source, ca.subject)}: its signature does not verify against the CA "${ca.issuer}" in the tenant's store; ` +
                'publish the CA certificate that really signed it')
            : missingIssuer(ca.source, ca.subject, ca.issuer, "is neither in the set nor in the tenant's store"));
    }
    return problems;
}


/***/ }),

/***/ 4467:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $$: () => (/* binding */ bytesOf),
/* harmony export */   D1: () => (/* binding */ TAG_SEQUENCE),
/* harmony export */   KD: () => (/* binding */ contentsOf),
/* harmony export */   LU: () => (/* binding */ childrenOf),
/* harmony export */   Qt: () => (/* binding */ elementsBetween),
/* harmony export */   RN: () => (/* binding */ readElement)
/* harmony export */ });
/* unused harmony export DerFormatError */
// Locates DER/BER elements by byte offset. node-forge's ASN.1 reader returns values but no
// offsets, and re-encoding its tree is not guaranteed to give back the original bytes; every DER
// this action hands on (a certificate out of a PKCS#7 bundle, a Name compared byte for byte) is
// therefore sliced from the input here, never re-encoded.
/** Thrown for bytes that are not a well-formed element; its message holds no input bytes. */
class DerFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'DerFormatError';
    }
}
const MAX_DEPTH = 64;
const TAG_SEQUENCE = 0x30;
function isConstructed(tag) {
    return (tag & 0x20) !== 0;
}
/** Reads the element starting at `offset`, which must end at or before `limit`. */
function readElement(bytes, offset, limit = bytes.length, depth = 0) {
    if (depth > MAX_DEPTH)
        throw new DerFormatError('nested too deeply');
    let at = offset;
    const byte = () => {
        const value = bytes[at];
        if (at >= limit || value === undefined)
            throw new DerFormatError('truncated');
        at += 1;
        return value;
    };
    const tag = byte();
    if ((tag & 0x1f) === 0x1f) {
        // High tag number form: base-128 octets, the last one without its top bit.
        for (let octets = 0; (byte() & 0x80) !== 0; octets += 1) {
            if (octets > 4)
                throw new DerFormatError('tag number too large');
        }
    }
    const first = byte();
    if (first === 0x80) {
        if (!isConstructed(tag))
            throw new DerFormatError('indefinite length on a primitive element');
        let child = at;
        for (;;) {
            if (child + 2 > limit)
                throw new DerFormatError('truncated');
            if (bytes[child] === 0 && bytes[child + 1] === 0)
                break;
            child = readElement(bytes, child, limit, depth + 1).end;
        }
        return { tag, start: offset, contentStart: at, contentEnd: child, end: child + 2 };
    }
    let length = first;
    if (first > 0x80) {
        const octets = first & 0x7f;
        if (octets > 4)
            throw new DerFormatError('length too large');
        length = 0;
        for (let i = 0; i < octets; i += 1)
            length = length * 256 + byte();
    }
    const end = at + length;
    if (end > limit)
        throw new DerFormatError('truncated');
    return { tag, start: offset, contentStart: at, contentEnd: end, end };
}
/** The elements inside a constructed element, in order. */
function childrenOf(bytes, element) {
    if (!isConstructed(element.tag))
        throw new DerFormatError('not a constructed element');
    return elementsBetween(bytes, element.contentStart, element.contentEnd);
}
/** Consecutive elements filling `start`..`end` exactly. */
function elementsBetween(bytes, start, end) {
    const elements = [];
    for (let at = start; at < end;) {
        const element = readElement(bytes, at, end);
        elements.push(element);
        at = element.end;
    }
    return elements;
}
/** The exact bytes of an element, header included (a view, not a copy). */
function bytesOf(bytes, element) {
    return bytes.subarray(element.start, element.end);
}
/** The contents octets of an element (a view, not a copy). */
function contentsOf(bytes, element) {
    return bytes.subarray(element.contentStart, element.contentEnd);
}


/***/ }),

/***/ 1865:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   VP: () => (/* binding */ certificateProblem),
/* harmony export */   dF: () => (/* binding */ describeCertificate),
/* harmony export */   hK: () => (/* binding */ certificateAt),
/* harmony export */   vd: () => (/* binding */ day)
/* harmony export */ });
/** `certs/ca.pem: certificate 2`, or just `certs/ca.pem` when the file holds one certificate. */
function certificateAt(source) {
    return source.count > 1 ? `${source.file}: certificate ${source.index}` : source.file;
}
/** `certs/ca.pem: certificate 2 ("CN=Contoso Root")` or `certs/ca.pem ("CN=Contoso Root")`. */
function describeCertificate(source, subject) {
    return `${certificateAt(source)} ("${subject}")`;
}
/** A problem about one certificate: `file`, and `index` when the file holds more than one. */
function certificateProblem(severity, source, message) {
    return source.count > 1 ? { severity, message, file: source.file, index: source.index } : { severity, message, file: source.file };
}
/** An ISO 8601 date (day precision) for messages. */
function day(date) {
    return date.toISOString().slice(0, 10);
}


/***/ }),

/***/ 4256:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  rW: () => (/* binding */ CertificateFormatError),
  hB: () => (/* binding */ parseCertificate),
  s1: () => (/* binding */ verifies),
  Yh: () => (/* binding */ x509Of)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: ./node_modules/node-forge/lib/asn1.js
var asn1 = __nccwpck_require__(7357);
var asn1_default = /*#__PURE__*/__nccwpck_require__.n(asn1);
;// CONCATENATED MODULE: ./src/certificates/asn1.ts
// Typed access to node-forge's ASN.1 reader (only that part of forge is imported, see
// src/types/node-forge-asn1.d.ts). forge holds bytes as "binary strings"; these helpers turn them
// into Buffers and numbers at the edge so the rest of the code never sees that encoding.

const UNIVERSAL = 0x00;
const CONTEXT_SPECIFIC = 0x80;
const Tag = {
    BOOLEAN: 1,
    INTEGER: 2,
    BIT_STRING: 3,
    OCTET_STRING: 4,
    OID: 6,
    SEQUENCE: 16,
    SET: 17
};
/** Parses exactly one DER element; BIT STRINGs are left undecoded (forge would guess otherwise). */
function parseDer(der) {
    return asn1_default().fromDer(der.toString('latin1'), { strict: true, parseAllBytes: true, decodeBitStrings: false });
}
function childrenOf(node) {
    if (!Array.isArray(node.value))
        throw new Error('expected a constructed ASN.1 element');
    return node.value;
}
/** The contents octets of a primitive element. */
function valueBytes(node) {
    if (typeof node.value !== 'string')
        throw new Error('expected a primitive ASN.1 element');
    return Buffer.from(node.value, 'latin1');
}
/** forge's own string for a primitive value: bytes as char codes, or UTF-16 for a BMPString. */
function rawValue(node) {
    if (typeof node.value !== 'string')
        throw new Error('expected a primitive ASN.1 element');
    return node.value;
}
function oidOf(node) {
    if (node.tagClass !== UNIVERSAL || node.type !== Tag.OID)
        throw new Error('expected an OBJECT IDENTIFIER');
    return asn1_default().derToOid(rawValue(node));
}
function isUniversal(node, type) {
    return node.tagClass === UNIVERSAL && node.type === type;
}
function isContext(node, number) {
    return node.tagClass === CONTEXT_SPECIFIC && node.type === number;
}
/** The DER of a parsed node, for display only (hex dumps): re-encoded, so not byte-exact. */
function encode(node) {
    return Buffer.from(asn1_default().toDer(node).getBytes(), 'latin1');
}
/** A small non-negative INTEGER (versions, path lengths); undefined when it does not fit. */
function smallInteger(node) {
    const bytes = valueBytes(node);
    if (bytes.length === 0 || bytes.length > 6 || ((bytes[0] ?? 0) & 0x80) !== 0)
        return undefined;
    return bytes.readUIntBE(0, bytes.length);
}

// EXTERNAL MODULE: ./src/certificates/der.ts
var certificates_der = __nccwpck_require__(4467);
;// CONCATENATED MODULE: ./src/certificates/extensions.ts
// The X.509 v3 extensions that node:crypto's X509Certificate does not expose, read with forge's
// ASN.1 reader: key identifiers, basicConstraints, keyUsage, CRL distribution points, freshest CRL.

const OID = {
    subjectKeyIdentifier: '2.5.29.14',
    keyUsage: '2.5.29.15',
    basicConstraints: '2.5.29.19',
    crlDistributionPoints: '2.5.29.31',
    authorityKeyIdentifier: '2.5.29.35',
    freshestCrl: '2.5.29.46'
};
/** Reads the extensions of a TBSCertificate's `[3] EXPLICIT Extensions`, when present. */
function readExtensions(explicitExtensions) {
    const found = { crlDistributionPoints: [], freshestCrl: [] };
    if (explicitExtensions === undefined)
        return found;
    const [list] = childrenOf(explicitExtensions);
    if (list === undefined)
        return found;
    const seen = new Set();
    for (const extension of childrenOf(list)) {
        const parts = childrenOf(extension);
        const id = parts[0];
        const value = parts[parts.length - 1];
        if (id === undefined || value === undefined || !isUniversal(value, Tag.OCTET_STRING)) {
            throw new Error('malformed extension');
        }
        const oid = oidOf(id);
        // RFC 5280 §4.2: an extension appears at most once; read the first.
        if (seen.has(oid))
            continue;
        seen.add(oid);
        readExtension(found, oid, value);
    }
    return found;
}
function readExtension(found, oid, octets) {
    const value = () => parseDer(valueBytes(octets));
    switch (oid) {
        case OID.subjectKeyIdentifier:
            found.subjectKeyIdentifier = hex(valueBytes(value()));
            break;
        case OID.authorityKeyIdentifier: {
            const keyIdentifier = childrenOf(value()).find((part) => isContext(part, 0) && !part.constructed);
            if (keyIdentifier !== undefined)
                found.authorityKeyIdentifier = hex(valueBytes(keyIdentifier));
            break;
        }
        case OID.basicConstraints:
            found.basicConstraints = readBasicConstraints(value());
            break;
        case OID.keyUsage:
            found.keyUsage = readKeyUsage(value());
            break;
        case OID.crlDistributionPoints:
            found.crlDistributionPoints = readDistributionPointUris(value());
            break;
        case OID.freshestCrl:
            found.freshestCrl = readDistributionPointUris(value());
            break;
    }
}
function readBasicConstraints(sequence) {
    let cA = false;
    let pathLenConstraint;
    for (const part of childrenOf(sequence)) {
        if (isUniversal(part, Tag.BOOLEAN))
            cA = valueBytes(part)[0] !== 0;
        else if (isUniversal(part, Tag.INTEGER))
            pathLenConstraint = smallInteger(part);
    }
    return pathLenConstraint === undefined ? { cA } : { cA, pathLenConstraint };
}
function readKeyUsage(bitString) {
    if (!isUniversal(bitString, Tag.BIT_STRING))
        throw new Error('keyUsage is not a BIT STRING');
    // The first octet counts unused bits; bit n of the named bits is bit (7 - n % 8) of octet n / 8.
    const bits = valueBytes(bitString).subarray(1);
    const bit = (n) => (((bits[n >> 3] ?? 0) >> (7 - (n & 7))) & 1) === 1;
    return { digitalSignature: bit(0), keyCertSign: bit(5), cRLSign: bit(6) };
}
/**
 * Every URI of `fullName` in a CRLDistributionPoints / FreshestCRL sequence, in order:
 * DistributionPoint ::= SEQUENCE { distributionPoint [0] { fullName [0] GeneralNames } ... },
 * where a URI is GeneralName `[6] IA5String`.
 */
function readDistributionPointUris(points) {
    const uris = [];
    for (const point of childrenOf(points)) {
        const name = childrenOf(point).find((part) => isContext(part, 0));
        const fullName = name === undefined ? undefined : childrenOf(name).find((part) => isContext(part, 0));
        if (fullName === undefined || !fullName.constructed)
            continue;
        for (const generalName of childrenOf(fullName)) {
            if (isContext(generalName, 6) && !generalName.constructed)
                uris.push(rawValue(generalName));
        }
    }
    return uris;
}
function hex(bytes) {
    return bytes.toString('hex').toUpperCase();
}

;// CONCATENATED MODULE: ./src/certificates/names.ts
// Distinguished names as text: most specific RDN first, `, ` between RDNs, `+` inside a
// multi-valued RDN, RFC 4514 escaping, UTF-8 kept as UTF-8. The oracle is openssl
// `-nameopt esc_2253,esc_ctrl,utf8,sep_comma_plus_space,dn_rev,sname`, which this matches except
// for ` + ` (openssl) vs `+` (RFC 4514) inside a multi-valued RDN, and for values of non-string
// types, which RFC 4514 §2.4 writes as `#` and hex (openssl prints their raw bytes).

// Short names as openssl prints them (OBJ_nid2sn); any other OID is printed dotted.
const SHORT_NAMES = {
    '2.5.4.3': 'CN',
    '2.5.4.4': 'SN',
    '2.5.4.5': 'serialNumber',
    '2.5.4.6': 'C',
    '2.5.4.7': 'L',
    '2.5.4.8': 'ST',
    '2.5.4.9': 'street',
    '2.5.4.10': 'O',
    '2.5.4.11': 'OU',
    '2.5.4.12': 'title',
    '2.5.4.13': 'description',
    '2.5.4.15': 'businessCategory',
    '2.5.4.16': 'postalAddress',
    '2.5.4.17': 'postalCode',
    '2.5.4.18': 'postOfficeBox',
    '2.5.4.19': 'physicalDeliveryOfficeName',
    '2.5.4.20': 'telephoneNumber',
    '2.5.4.41': 'name',
    '2.5.4.42': 'GN',
    '2.5.4.43': 'initials',
    '2.5.4.44': 'generationQualifier',
    '2.5.4.45': 'x500UniqueIdentifier',
    '2.5.4.46': 'dnQualifier',
    '2.5.4.65': 'pseudonym',
    '2.5.4.72': 'role',
    '2.5.4.97': 'organizationIdentifier',
    '0.9.2342.19200300.100.1.1': 'UID',
    '0.9.2342.19200300.100.1.3': 'mail',
    '0.9.2342.19200300.100.1.25': 'DC',
    '1.2.840.113549.1.9.1': 'emailAddress',
    '1.2.840.113549.1.9.2': 'unstructuredName',
    '1.2.840.113549.1.9.8': 'unstructuredAddress',
    '1.3.6.1.4.1.311.60.2.1.1': 'jurisdictionL',
    '1.3.6.1.4.1.311.60.2.1.2': 'jurisdictionST',
    '1.3.6.1.4.1.311.60.2.1.3': 'jurisdictionC'
};
const UTF8_STRING = 12;
const UNIVERSAL_STRING = 28;
const BMP_STRING = 30;
// Character string types (and the two time types openssl also prints as text). openssl reads
// all but UTF8String, UniversalString and BMPString one byte per character (Latin-1).
const BYTE_STRINGS = new Set([18, 19, 20, 21, 22, 23, 24, 25, 26, 27]);
/** The attribute name openssl prints for an OID. */
function attributeName(oid) {
    return SHORT_NAMES[oid] ?? oid;
}
/** Formats a parsed `Name` (SEQUENCE OF RelativeDistinguishedName). */
function formatName(name) {
    // openssl's dn_rev reverses the flat list of attributes, so the attributes of a multi-valued RDN
    // come out reversed too; RFC 4514 leaves their order open, so match openssl.
    const attributes = childrenOf(name)
        .flatMap((rdn, rdnIndex) => childrenOf(rdn).map((attribute) => ({ rdnIndex, text: formatAttribute(attribute) })))
        .reverse();
    return attributes
        .map((attribute, i) => {
        const previous = attributes[i - 1];
        if (previous === undefined)
            return attribute.text;
        return (previous.rdnIndex === attribute.rdnIndex ? '+' : ', ') + attribute.text;
    })
        .join('');
}
function formatAttribute(attribute) {
    const [type, value] = childrenOf(attribute);
    if (type === undefined || value === undefined)
        throw new Error('attribute without type or value');
    return `${attributeName(oidOf(type))}=${formatValue(value)}`;
}
function formatValue(value) {
    const text = decodeString(value);
    if (text === undefined)
        return `#${encode(value).toString('hex')}`;
    return escapeValue(text);
}
/** The text of a string-typed value, or undefined when the value is not a character string. */
function decodeString(value) {
    if (value.tagClass !== 0 || value.constructed)
        return undefined;
    const raw = rawValue(value);
    if (value.type === UTF8_STRING)
        return Buffer.from(raw, 'latin1').toString('utf8');
    if (value.type === BMP_STRING)
        return raw; // forge decodes BMPString to UTF-16 itself
    if (value.type === UNIVERSAL_STRING)
        return decodeUniversalString(Buffer.from(raw, 'latin1'));
    if (BYTE_STRINGS.has(value.type))
        return raw; // Latin-1: one char per byte, as openssl does
    return undefined;
}
function decodeUniversalString(bytes) {
    let text = '';
    for (let i = 0; i + 4 <= bytes.length; i += 4) {
        const codePoint = bytes.readUInt32BE(i);
        text += codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : '\ufffd';
    }
    return text;
}
const ALWAYS_ESCAPED = new Set([',', '+', '"', '\\', '<', '>', ';']);
/** RFC 4514 §2.4 escaping, as openssl's esc_2253 + esc_ctrl do it. */
function escapeValue(text) {
    const chars = Array.from(text);
    return chars
        .map((char, i) => {
        const code = char.codePointAt(0) ?? 0;
        if (ALWAYS_ESCAPED.has(char))
            return `\\${char}`;
        if (i === 0 && (char === '#' || char === ' '))
            return `\\${char}`;
        if (i === chars.length - 1 && char === ' ')
            return '\\ ';
        if (code < 0x20 || code === 0x7f)
            return `\\${code.toString(16).toUpperCase().padStart(2, '0')}`;
        return char;
    })
        .join('');
}

;// CONCATENATED MODULE: ./src/certificates/parse.ts
// DER -> ParsedCertificate. node:crypto's X509Certificate checks the encoding and gives validity,
// key type and signature checks for RSA, EC and EdDSA alike; the rest is read from the DER.





/** Thrown when bytes are not an X.509 certificate; the message is ours and holds no input bytes. */
class CertificateFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'CertificateFormatError';
    }
}
const x509s = new WeakMap();
/** The node:crypto view of a parsed certificate (kept from parsing, rebuilt if the object was copied). */
function x509Of(certificate) {
    let x509 = x509s.get(certificate);
    if (x509 === undefined) {
        x509 = new external_node_crypto_.X509Certificate(certificate.der);
        x509s.set(certificate, x509);
    }
    return x509;
}
const CURVES = {
    prime256v1: 'P-256',
    secp384r1: 'P-384',
    secp521r1: 'P-521'
};
const KEY_ALGORITHMS = ['rsa', 'rsa-pss', 'ec', 'ed25519', 'ed448', 'dsa'];
function parseCertificate(der, source) {
    let x509;
    try {
        x509 = new external_node_crypto_.X509Certificate(der);
    }
    catch {
        throw new CertificateFormatError('not a valid X.509 certificate (bad DER)');
    }
    try {
        return readCertificate(der, source, x509);
    }
    catch (error) {
        if (error instanceof CertificateFormatError)
            throw error;
        throw new CertificateFormatError('not a valid X.509 certificate (malformed fields)');
    }
}
function readCertificate(der, source, x509) {
    // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue }
    const certificate = (0,certificates_der/* readElement */.RN)(der, 0);
    const [tbsElement] = (0,certificates_der/* childrenOf */.LU)(der, certificate);
    if (certificate.tag !== certificates_der/* TAG_SEQUENCE */.D1 || certificate.end !== der.length || tbsElement === undefined) {
        throw new CertificateFormatError('not a valid X.509 certificate (bad DER)');
    }
    // TBSCertificate ::= SEQUENCE { [0] version OPTIONAL, serialNumber, signature, issuer, validity,
    //   subject, subjectPublicKeyInfo, [1] issuerUniqueID, [2] subjectUniqueID, [3] extensions }
    const tbsElements = (0,certificates_der/* childrenOf */.LU)(der, tbsElement);
    const fields = tbsElements[0]?.tag === 0xa0 ? tbsElements.slice(1) : tbsElements;
    const [, , issuerElement, , subjectElement] = fields;
    if (issuerElement === undefined || subjectElement === undefined)
        throw new Error('short TBSCertificate');
    const tbs = childrenOf(parseDer((0,certificates_der/* bytesOf */.$$)(der, tbsElement)));
    const versionNode = tbs[0] !== undefined && isContext(tbs[0], 0) ? tbs[0] : undefined;
    const version = versionNode === undefined ? 1 : versionOf(versionNode);
    const rest = versionNode === undefined ? tbs : tbs.slice(1);
    const [, , issuer, , subject, spki, ...optional] = rest;
    if (issuer === undefined || subject === undefined || spki === undefined)
        throw new Error('short TBSCertificate');
    const extensions = readExtensions(optional.find((node) => isContext(node, 3)));
    const subjectDer = Buffer.from((0,certificates_der/* bytesOf */.$$)(der, subjectElement));
    const issuerDer = Buffer.from((0,certificates_der/* bytesOf */.$$)(der, issuerElement));
    const key = keyOf(x509);
    const parsed = {
        der,
        source,
        version,
        subject: formatName(subject),
        issuer: formatName(issuer),
        thumbprint: digest('sha1', der),
        sha256: digest('sha256', der),
        subjectKeyIdentifier: extensions.subjectKeyIdentifier ?? keyIdentifierFromPublicKey(spki),
        hasSubjectKeyIdentifierExtension: extensions.subjectKeyIdentifier !== undefined,
        ...(extensions.authorityKeyIdentifier === undefined ? {} : { authorityKeyIdentifier: extensions.authorityKeyIdentifier }),
        notBefore: x509.validFromDate,
        notAfter: x509.validToDate,
        ...(extensions.basicConstraints === undefined ? {} : { basicConstraints: extensions.basicConstraints }),
        ...(extensions.keyUsage === undefined ? {} : { keyUsage: extensions.keyUsage }),
        crlDistributionPoints: extensions.crlDistributionPoints,
        freshestCrl: extensions.freshestCrl,
        keyAlgorithm: key.algorithm,
        ...(key.curve === undefined ? {} : { curve: key.curve }),
        selfSigned: subjectDer.equals(issuerDer) && verifies(x509, x509),
        subjectDer,
        issuerDer
    };
    x509s.set(parsed, x509);
    return parsed;
}
function versionOf(explicitVersion) {
    const [integer] = childrenOf(explicitVersion);
    const value = integer === undefined ? undefined : smallInteger(integer);
    if (value === undefined || value > 2)
        throw new CertificateFormatError('not a valid X.509 certificate (unknown version)');
    return value + 1;
}
/** RFC 5280 §4.2.1.2 method (1): SHA-1 of the subjectPublicKey BIT STRING, unused-bits octet excluded. */
function keyIdentifierFromPublicKey(spki) {
    const bitString = childrenOf(spki)[1];
    if (bitString === undefined)
        throw new Error('subjectPublicKeyInfo without key');
    return digest('sha1', valueBytes(bitString).subarray(1));
}
function keyOf(x509) {
    try {
        const key = x509.publicKey;
        const type = key.asymmetricKeyType;
        const algorithm = KEY_ALGORITHMS.find((known) => known === type) ?? 'unknown';
        const namedCurve = key.asymmetricKeyDetails?.namedCurve;
        if (algorithm !== 'ec' || namedCurve === undefined)
            return { algorithm };
        return { algorithm, curve: CURVES[namedCurve] ?? namedCurve };
    }
    catch {
        // A key type this Node cannot load: the certificate still parses, it just cannot verify.
        return { algorithm: 'unknown' };
    }
}
/** Whether `issuer`'s key verifies `certificate`'s signature; some algorithms throw instead of failing. */
function verifies(certificate, issuer) {
    try {
        return certificate.verify(issuer.publicKey);
    }
    catch {
        return false;
    }
}
function digest(algorithm, bytes) {
    return hex((0,external_node_crypto_.createHash)(algorithm).update(bytes).digest());
}


/***/ }),

/***/ 7242:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   G0: () => (/* binding */ Inputs),
/* harmony export */   NW: () => (/* binding */ ORGANIZATION_CONFIGURATION_ID),
/* harmony export */   tY: () => (/* binding */ Outputs)
/* harmony export */ });
// Input and output names, in one place (they are the action's public interface: action.yml).
const Inputs = {
    kind: 'kind',
    certificates: 'certificates',
    tenantId: 'tenant-id',
    clientId: 'client-id',
    cloud: 'cloud',
    audience: 'audience',
    graphUrl: 'graph-url',
    authorityUrl: 'authority-url',
    apiVersion: 'api-version',
    displayName: 'display-name',
    description: 'description',
    mode: 'mode',
    allowRecreate: 'allow-recreate',
    crlUrls: 'crl-urls',
    issuerHints: 'issuer-hints',
    minValidityDays: 'min-validity-days',
    strict: 'strict',
    dryRun: 'dry-run'
};
const Outputs = {
    configurationId: 'configuration-id',
    certificateAuthorityIds: 'certificate-authority-ids',
    created: 'created',
    removed: 'removed',
    unchanged: 'unchanged',
    certificates: 'certificates',
    plan: 'plan',
    backupPath: 'backup-path'
};
/** The singleton id of the organization's certificateBasedAuthConfiguration (graph-api.md §1.1). */
const ORGANIZATION_CONFIGURATION_ID = '29728ade-6ae4-4ee9-9103-412912537da5';


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   y: () => (/* binding */ UserError)
/* harmony export */ });
/**
 * An error the user can fix (bad input, validation, permission). The top-level catch prints its
 * message alone, without a stack trace.
 */
class UserError extends Error {
    constructor(message, options) {
        super(message, options);
        this.name = 'UserError';
    }
}


/***/ }),

/***/ 9407:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(5471);
// The entry point the runner starts (action.yml `main: dist/index.js`).

await (0,_main_js__WEBPACK_IMPORTED_MODULE_0__/* .run */ .e)();

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 5471:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./src/runner.ts
var runner = __nccwpck_require__(4813);
// EXTERNAL MODULE: ./src/certificates/location.ts
var certificates_location = __nccwpck_require__(1865);
;// CONCATENATED MODULE: ./src/certificates/authority-checks.ts
// Is each certificate a CA that may be published now? (contract.md, "Validation")

const DAY_MS = 24 * 60 * 60 * 1000;
const CA_ONLY = 'remove it or point `certificates` at the CA files only';
/** Problems that make a certificate no CA at all (errors), or a CA worth a warning. */
function caProblems(certificate) {
    const { source, subject } = certificate;
    const name = (0,certificates_location/* describeCertificate */.dF)(source, subject);
    const error = (message) => ({
        isCa: false,
        problems: [(0,certificates_location/* certificateProblem */.VP)('error', source, message)]
    });
    if (certificate.version < 3) {
        // v1/v2 certificates carry no extensions, so nothing says they are CAs; only a self-signed
        // root is acceptable, as trust anchors of that age still exist.
        if (!certificate.selfSigned) {
            return error(`${name} is an X.509 v${certificate.version} certificate that is not a self-signed root, so nothing marks it as a CA; ${CA_ONLY}`);
        }
        return {
            isCa: true,
            problems: [
                (0,certificates_location/* certificateProblem */.VP)('warning', source, `${name} is an X.509 v${certificate.version} root without extensions (no basicConstraints); it is accepted as a root, but prefer a v3 root certificate`)
            ]
        };
    }
    const reasons = [];
    if (certificate.basicConstraints === undefined)
        reasons.push('no basicConstraints extension');
    else if (!certificate.basicConstraints.cA)
        reasons.push('basicConstraints cA=false');
    if (certificate.keyUsage !== undefined && !certificate.keyUsage.keyCertSign)
        reasons.push('keyUsage without keyCertSign');
    if (reasons.length > 0)
        return error(`${name} is not a CA (${reasons.join('; ')}); ${CA_ONLY}`);
    return { isCa: true, problems: [] };
}
/** Expired or not yet valid (errors); expiring within `minValidityDays` (warning). */
function validityProblems(certificate, now, minValidityDays) {
    const { source, subject, notBefore, notAfter } = certificate;
    const name = (0,certificates_location/* describeCertificate */.dF)(source, subject);
    if (now.getTime() > notAfter.getTime()) {
        return [
            (0,certificates_location/* certificateProblem */.VP)('error', source, `${name} expired on ${(0,certificates_location/* day */.vd)(notAfter)}; remove it from \`certificates\` or replace it with the renewed CA certificate`)
        ];
    }
    if (now.getTime() < notBefore.getTime()) {
        return [
            (0,certificates_location/* certificateProblem */.VP)('error', source, `${name} is not valid before ${(0,certificates_location/* day */.vd)(notBefore)}; publish it once it is valid, or check the runner's clock`)
        ];
    }
    const left = notAfter.getTime() - now.getTime();
    if (left < minValidityDays * DAY_MS) {
        const days = Math.floor(left / DAY_MS);
        return [
            (0,certificates_location/* certificateProblem */.VP)('warning', source, `${name} expires on ${(0,certificates_location/* day */.vd)(notAfter)} (${days} ${days === 1 ? 'day' : 'days'} left, less than \`min-validity-days\` ${minValidityDays}); ` +
                'renew the CA and publish its new certificate')
        ];
    }
    return [];
}

// EXTERNAL MODULE: ./src/certificates/chain.ts
var chain = __nccwpck_require__(4997);
;// CONCATENATED MODULE: ./src/certificates/crl.ts
// CRL URLs per CA (contract.md, "Enrichment"). A CA's CRL is named in the CRL distribution
// points of the certificates it issued, not in its own certificate: so an intermediate in the set
// tells its root's CRL URL, and a CA that issued nothing in the set has none unless `crl-urls`
// gives one. A self-signed root issued itself, so its own distribution points count too, after
// those of the CAs it issued. Entra downloads CRLs over http (https works but is not recommended; ldap and file
// URLs are not used).

const THUMBPRINT = /^[0-9A-F]{40}$/;
/** Normalises a thumbprint as people paste it: any case, with colons or spaces. */
function normalizeThumbprint(thumbprint) {
    return thumbprint.replace(/[\s:]/g, '').toUpperCase();
}
function resolveCrlUrls(cas, issuersOf, overrides) {
    const problems = [];
    const overrideOf = checkOverrides(cas, overrides, problems);
    const urls = new Map();
    for (const ca of cas) {
        const override = overrideOf.get(ca.thumbprint);
        if (override !== undefined) {
            urls.set(ca, override.deltaCrlUrl === undefined ? { crlUrl: override.crlUrl } : { crlUrl: override.crlUrl, deltaCrlUrl: override.deltaCrlUrl });
            continue;
        }
        const issued = cas.filter((other) => other !== ca && issuersOf.get(other)?.includes(ca) === true);
        if (ca.selfSigned)
            issued.push(ca);
        const name = (0,certificates_location/* describeCertificate */.dF)(ca.source, ca.subject);
        const crl = pickUrl(issued.flatMap((child) => child.crlDistributionPoints));
        const delta = pickUrl(issued.flatMap((child) => child.freshestCrl));
        for (const [url, what] of [
            [crl, 'CRL URL'],
            [delta, 'delta CRL URL']
        ]) {
            if (url?.startsWith('https:') === true) {
                problems.push((0,certificates_location/* certificateProblem */.VP)('warning', ca.source, `${name}: its ${what} ${url} (from the certificates it issued) is https; Entra recommends http for CRLs, ` +
                    'so give an http URL with `crl-urls` if the CA publishes one'));
            }
        }
        if (crl === undefined) {
            problems.push((0,certificates_location/* certificateProblem */.VP)('warning', ca.source, `${name} has no CRL URL (no certificate it issued in the set names an http(s) CRL distribution point), so Entra ` +
                `checks no revocation for the certificates it issues; give one with a \`crl-urls\` line "${ca.thumbprint} http://<host>/<crl>"`));
        }
        urls.set(ca, { ...(crl === undefined ? {} : { crlUrl: crl }), ...(delta === undefined ? {} : { deltaCrlUrl: delta }) });
    }
    return { urls, problems };
}
/** The first http URL; else the first https one; ldap, file and others are not for Entra. */
function pickUrl(uris) {
    return uris.find((uri) => /^http:\/\//i.test(uri)) ?? uris.find((uri) => /^https:\/\//i.test(uri));
}
function checkOverrides(cas, overrides, problems) {
    const byThumbprint = new Map();
    const thumbprints = new Set(cas.map((ca) => ca.thumbprint));
    for (const override of overrides) {
        const thumbprint = normalizeThumbprint(override.thumbprint);
        const line = `\`crl-urls\` line for ${override.thumbprint}`;
        if (!THUMBPRINT.test(thumbprint)) {
            problems.push({
                severity: 'error',
                message: `${line}: "${override.thumbprint}" is not a SHA-1 thumbprint (40 hex digits); copy the CA's thumbprint`
            });
            continue;
        }
        if (!thumbprints.has(thumbprint)) {
            problems.push({
                severity: 'error',
                message: `${line}: no CA in \`certificates\` has this SHA-1 thumbprint; fix the thumbprint or add the CA's certificate`
            });
            continue;
        }
        if (byThumbprint.has(thumbprint)) {
            problems.push({ severity: 'error', message: `${line}: the thumbprint is given twice; keep one line per CA` });
            continue;
        }
        const urls = [override.crlUrl, ...(override.deltaCrlUrl === undefined ? [] : [override.deltaCrlUrl])];
        const bad = urls.filter((url) => !isHttpUrl(url));
        for (const url of bad) {
            problems.push({
                severity: 'error',
                message: `${line}: "${url}" is not an absolute http: or https: URL; give e.g. http://crl.example.com/ca.crl`
            });
        }
        for (const url of urls.filter((u) => isHttpUrl(u) && u.toLowerCase().startsWith('https:'))) {
            problems.push({ severity: 'warning', message: `${line}: ${url} is https; Entra recommends http for CRLs` });
        }
        if (bad.length === 0)
            byThumbprint.set(thumbprint, override);
    }
    return byThumbprint;
}
function isHttpUrl(url) {
    try {
        const parsed = new URL(url);
        return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '';
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/certificates/analyze.ts
// Parsed certificates -> the CAs to publish, validated and enriched (contract.md, "Validation"
// and "Enrichment"; the per-kind limits live with the kinds). Every finding is collected.




function analyzeCertificates(certificates, options) {
    const problems = [];
    const unique = withoutDuplicates(certificates, problems);
    const cas = unique.filter((certificate) => {
        const verdict = caProblems(certificate);
        problems.push(...verdict.problems);
        return verdict.isCa;
    });
    for (const ca of cas)
        problems.push(...validityProblems(ca, options.now, options.minValidityDays));
    const links = (0,chain/* linkIssuers */.bG)(cas, options.deferMissingIssuers);
    problems.push(...links.problems);
    const crl = resolveCrlUrls(cas, links.issuersOf, options.crlOverrides);
    problems.push(...crl.problems);
    const authorities = chainOrder(cas, links.issuersOf).map((ca) => toAuthority(ca, crl.urls.get(ca) ?? {}, links.deferred.has(ca)));
    return { authorities, problems };
}
/** Keeps the first of each thumbprint; a later copy gets a notice naming both places. */
function withoutDuplicates(certificates, problems) {
    const first = new Map();
    for (const certificate of certificates) {
        const kept = first.get(certificate.thumbprint);
        if (kept === undefined) {
            first.set(certificate.thumbprint, certificate);
            continue;
        }
        const where = kept.source.count > 1 ? `certificate ${kept.source.index} of ${kept.source.file}` : kept.source.file;
        problems.push((0,certificates_location/* certificateProblem */.VP)('notice', certificate.source, `${(0,certificates_location/* describeCertificate */.dF)(certificate.source, certificate.subject)} is the same certificate (SHA-1 ${certificate.thumbprint}) ` +
            `as ${where}; it is used once`));
    }
    return [...first.values()];
}
/**
 * Roots first, then down the chains: parents before children, input order otherwise. A CA whose
 * issuer is not in the set starts a chain of its own, right after the roots.
 */
function chainOrder(cas, issuersOf) {
    const depths = new Map();
    const depthOf = (ca, visiting) => {
        const known = depths.get(ca);
        if (known !== undefined)
            return known;
        const parent = issuersOf.get(ca)?.find((issuer) => !visiting.has(issuer));
        let depth;
        if (ca.selfSigned)
            depth = 0;
        else if (parent === undefined)
            depth = 1; // an issuer outside the set (or a cycle of cross-certificates)
        else
            depth = depthOf(parent, new Set([...visiting, ca])) + 1;
        depths.set(ca, depth);
        return depth;
    };
    return cas
        .map((ca, position) => ({ ca, position, depth: depthOf(ca, new Set([ca])) }))
        .sort((a, b) => a.depth - b.depth || a.position - b.position)
        .map(({ ca }) => ca);
}
function toAuthority(ca, urls, issuerOutsideSet) {
    return {
        thumbprint: ca.thumbprint,
        sha256: ca.sha256,
        subject: ca.subject,
        issuer: ca.issuer,
        issuerSki: ca.subjectKeyIdentifier,
        isRootAuthority: ca.selfSigned,
        notBefore: ca.notBefore.toISOString(),
        notAfter: ca.notAfter.toISOString(),
        ...(urls.crlUrl === undefined ? {} : { crlUrl: urls.crlUrl }),
        ...(urls.deltaCrlUrl === undefined ? {} : { deltaCrlUrl: urls.deltaCrlUrl }),
        file: ca.source.file,
        ...(ca.source.count > 1 ? { index: ca.source.index } : {}),
        der: ca.der,
        ...(issuerOutsideSet ? { issuerOutsideSet: true } : {})
    };
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_);
// EXTERNAL MODULE: ./src/certificates/der.ts
var certificates_der = __nccwpck_require__(4467);
;// CONCATENATED MODULE: ./src/certificates/pem.ts
// PEM (RFC 7468) blocks in a text file. Text outside blocks (comments, `subject=` lines, the
// explanatory text of CA bundles) is ignored, as openssl does.
const BEGIN = /^-----BEGIN ([\x21-\x2c\x2e-\x7e](?:[\x20-\x2c\x2e-\x7e]*[\x21-\x2c\x2e-\x7e])?)-----\s*$/;
const END = /^-----END (.*)-----\s*$/;
/** Whether the bytes hold any PEM BEGIN line at all. */
function hasPemBlocks(text) {
    return text.includes('-----BEGIN ');
}
/** Every PEM block in `text`, in order, complete or not. */
function pemBlocks(text) {
    const blocks = [];
    let open;
    const close = (complete) => {
        if (open !== undefined)
            blocks.push({ label: open.label, body: open.lines.join(''), complete });
        open = undefined;
    };
    for (const rawLine of text.split(/\r?\n|\r/)) {
        const line = rawLine.trim();
        const begin = BEGIN.exec(line);
        if (begin !== null) {
            close(false);
            open = { label: begin[1] ?? '', lines: [] };
            continue;
        }
        if (open === undefined)
            continue;
        const end = END.exec(line);
        if (end !== null) {
            close(end[1] === open.label);
            continue;
        }
        open.lines.push(line);
    }
    close(false);
    return blocks;
}
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
/** Decodes a PEM body strictly (Buffer.from would skip bad characters); undefined if not base64. */
function decodePemBody(body) {
    const compact = body.replace(/\s+/g, '');
    if (compact.length === 0 || !BASE64.test(compact))
        return undefined;
    return Buffer.from(compact, 'base64');
}

;// CONCATENATED MODULE: ./src/certificates/pkcs7.ts
// The certificates of a PKCS#7 / CMS SignedData (RFC 2315, RFC 5652), as .p7b/.p7c bundles
// carry them. Each certificate is sliced byte for byte from the input (see der.ts).

// 1.2.840.113549.1.7 (pkcs7) as DER contents, and the signedData arc under it.
const PKCS7_ARC = Buffer.from('2a864886f70d0107', 'hex');
const SIGNED_DATA = Buffer.from('2a864886f70d010702', 'hex');
const OID = 0x06;
const CERTIFICATES = 0xa0; // [0] IMPLICIT CertificateSet
/** Whether a top-level element is a PKCS#7 ContentInfo (of any content type). */
function isPkcs7(bytes, element) {
    if (element.tag !== certificates_der/* TAG_SEQUENCE */.D1)
        return false;
    try {
        const [contentType] = (0,certificates_der/* childrenOf */.LU)(bytes, element);
        if (contentType?.tag !== OID)
            return false;
        const oid = (0,certificates_der/* contentsOf */.KD)(bytes, contentType);
        return oid.length === PKCS7_ARC.length + 1 && oid.subarray(0, PKCS7_ARC.length).equals(PKCS7_ARC);
    }
    catch {
        return false;
    }
}
/** The certificates of a SignedData ContentInfo; `skipped` counts non-X.509 entries (attribute certificates). */
function pkcs7Certificates(bytes, contentInfo) {
    try {
        const [contentType, explicitContent] = (0,certificates_der/* childrenOf */.LU)(bytes, contentInfo);
        if (contentType === undefined || !(0,certificates_der/* contentsOf */.KD)(bytes, contentType).equals(SIGNED_DATA))
            return { kind: 'not-signed-data' };
        if (explicitContent === undefined)
            return { kind: 'certificates', certificates: [], skipped: 0 };
        const [signedData] = (0,certificates_der/* childrenOf */.LU)(bytes, explicitContent);
        if (signedData?.tag !== certificates_der/* TAG_SEQUENCE */.D1)
            return { kind: 'malformed' };
        // SignedData ::= SEQUENCE { version, digestAlgorithms, contentInfo, [0] certificates OPTIONAL, [1] crls OPTIONAL, signerInfos }
        const set = (0,certificates_der/* childrenOf */.LU)(bytes, signedData).find((part) => part.tag === CERTIFICATES);
        if (set === undefined)
            return { kind: 'certificates', certificates: [], skipped: 0 };
        const entries = (0,certificates_der/* childrenOf */.LU)(bytes, set);
        const certificates = entries.filter((entry) => entry.tag === certificates_der/* TAG_SEQUENCE */.D1).map((entry) => Buffer.from((0,certificates_der/* bytesOf */.$$)(bytes, entry)));
        return { kind: 'certificates', certificates, skipped: entries.length - certificates.length };
    }
    catch {
        return { kind: 'malformed' };
    }
}

;// CONCATENATED MODULE: ./src/certificates/private-keys.ts
// Recognises private keys so that a certificate file holding one is refused as a whole. Security:
// callers must never echo any byte of such a file; these checks return booleans only.

const INTEGER = 0x02;
const OCTET_STRING = 0x04;
const private_keys_OID = 0x06;
/** A PEM BEGIN line of any private key: PKCS#8, encrypted PKCS#8, RSA, EC, DSA, OpenSSH, PGP (`... PRIVATE KEY BLOCK`), ... */
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z0-9 ]*PRIVATE KEY[A-Z0-9 ]*-----/;
const PUTTY_KEY = /^PuTTY-User-Key-File-/m;
/** Whether a file's text (read as Latin-1) holds a private key in PEM or PuTTY form anywhere. */
function textHoldsPrivateKey(text) {
    return PEM_PRIVATE_KEY.test(text) || PUTTY_KEY.test(text);
}
/**
 * Whether one DER element is a private key: PKCS#8 PrivateKeyInfo / OneAsymmetricKey,
 * EncryptedPrivateKeyInfo, PKCS#1 RSAPrivateKey, SEC 1 ECPrivateKey, or OpenSSL's DSA key.
 */
function isPrivateKeyDer(bytes, element) {
    if (element.tag !== certificates_der/* TAG_SEQUENCE */.D1)
        return false;
    let parts;
    try {
        parts = (0,certificates_der/* childrenOf */.LU)(bytes, element);
    }
    catch {
        return false;
    }
    const tags = parts.map((part) => part.tag);
    const [first, second] = parts;
    if (first === undefined || second === undefined)
        return false;
    const smallInteger = (part, ...values) => {
        const contents = (0,certificates_der/* contentsOf */.KD)(bytes, part);
        return part.tag === INTEGER && contents.length === 1 && values.includes(contents[0] ?? -1);
    };
    const algorithmIdentifier = (part) => {
        if (part.tag !== certificates_der/* TAG_SEQUENCE */.D1)
            return false;
        try {
            return (0,certificates_der/* childrenOf */.LU)(bytes, part)[0]?.tag === private_keys_OID;
        }
        catch {
            return false;
        }
    };
    // PrivateKeyInfo ::= SEQUENCE { version INTEGER (0|1), AlgorithmIdentifier, privateKey OCTET STRING, ... }
    if (smallInteger(first, 0, 1) && algorithmIdentifier(second) && tags[2] === OCTET_STRING)
        return true;
    // EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, encryptedData OCTET STRING }
    if (parts.length === 2 && algorithmIdentifier(first) && second.tag === OCTET_STRING)
        return true;
    // RSAPrivateKey: version and 8 INTEGERs (more for multi-prime); DSA: version and 5 INTEGERs
    if (smallInteger(first, 0, 1) && parts.length >= 6 && tags.every((tag) => tag === INTEGER))
        return true;
    // ECPrivateKey ::= SEQUENCE { version INTEGER (1), privateKey OCTET STRING, [0] params, [1] publicKey }
    if (smallInteger(first, 1) && second.tag === OCTET_STRING)
        return true;
    return false;
}
// 1.2.840.113549.1.7 (pkcs7), the content types of a PKCS#12 PFX's authSafe.
const private_keys_PKCS7_ARC = Buffer.from('2a864886f70d0107', 'hex');
/** Whether an element is a PKCS#12 archive (PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, ... }). */
function isPkcs12(bytes, element) {
    if (element.tag !== certificates_der/* TAG_SEQUENCE */.D1)
        return false;
    try {
        const [version, authSafe] = (0,certificates_der/* childrenOf */.LU)(bytes, element);
        if (version?.tag !== INTEGER || !(0,certificates_der/* contentsOf */.KD)(bytes, version).equals(Buffer.from([3])))
            return false;
        if (authSafe?.tag !== certificates_der/* TAG_SEQUENCE */.D1)
            return false;
        const [contentType] = (0,certificates_der/* childrenOf */.LU)(bytes, authSafe);
        return contentType?.tag === private_keys_OID && (0,certificates_der/* contentsOf */.KD)(bytes, contentType).subarray(0, private_keys_PKCS7_ARC.length).equals(private_keys_PKCS7_ARC);
    }
    catch {
        return false;
    }
}
/** Whether DER bytes hold a private key in any of their top-level elements. */
function derHoldsPrivateKey(bytes) {
    for (let at = 0; at < bytes.length;) {
        let element;
        try {
            element = (0,certificates_der/* readElement */.RN)(bytes, at);
        }
        catch {
            return false;
        }
        if (isPrivateKeyDer(bytes, element))
            return true;
        at = element.end;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/certificates/decode.ts
// One file's bytes -> the DER of each certificate it holds, by content rather than by extension:
// PEM (any number of CERTIFICATE, TRUSTED CERTIFICATE and PKCS7 blocks), DER (one or more
// concatenated certificates), PKCS#7 SignedData in PEM or DER. A private key anywhere refuses
// the whole file. Messages are ours: no byte of the file is ever echoed.




const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS']);
// Blocks that are not certificates, described in our words (the label itself is never echoed).
const OTHER_BLOCKS = new Map([
    ['CERTIFICATE REQUEST', 'a certificate request (CSR)'],
    ['NEW CERTIFICATE REQUEST', 'a certificate request (CSR)'],
    ['X509 CRL', 'a CRL'],
    ['PUBLIC KEY', 'a public key'],
    ['RSA PUBLIC KEY', 'a public key'],
    ['ATTRIBUTE CERTIFICATE', 'an attribute certificate']
]);
const PRIVATE_KEY_MESSAGE = 'holds a private key, so the whole file is refused and none of its content is shown; remove the key from ' +
    'this file (keep private keys out of the repository, and replace a key that was committed) and point ' +
    '`certificates` at certificate files only';
const refused = () => ({ slots: [], problems: [{ severity: 'error', message: PRIVATE_KEY_MESSAGE }] });
const fileError = (message) => ({ slots: [], problems: [{ severity: 'error', message }] });
function decodeCertificateFile(raw) {
    const bytes = withoutByteOrderMark(raw);
    const text = bytes.toString('latin1');
    if (text.trim().length === 0)
        return fileError('is empty; point `certificates` at PEM, DER or PKCS#7 certificate files');
    if (textHoldsPrivateKey(text))
        return refused();
    if (bytes[0] === certificates_der/* TAG_SEQUENCE */.D1) {
        if (derHoldsPrivateKey(bytes))
            return refused();
        const elements = topLevelElements(bytes);
        if (elements !== undefined)
            return decodeDer(bytes, elements);
        if (!hasPemBlocks(text)) {
            return fileError('is not a certificate: its DER is truncated or malformed; export the certificate again (PEM, DER or PKCS#7)');
        }
    }
    if (hasPemBlocks(text))
        return decodePem(pemBlocks(text));
    return fileError(`is not a certificate file: ${recognise(bytes, text) ?? 'it is neither PEM (`-----BEGIN CERTIFICATE-----`) nor DER'}; ` +
        'point `certificates` at PEM, DER (.cer, .crt, .der) or PKCS#7 (.p7b, .p7c) files');
}
/**
 * The file as text without a byte order mark. Windows tools write PEM with a UTF-8 BOM, and
 * PowerShell 5's `Out-File` / `>` as UTF-16 with one; PEM is ASCII, so both read the same as
 * plain ASCII. (A DER file starts with a tag byte, never with a BOM.)
 */
function withoutByteOrderMark(bytes) {
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
        return bytes.subarray(3);
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'be' : undefined;
    if (utf16 === undefined)
        return bytes;
    const body = Buffer.from(bytes.subarray(2, bytes.length - (bytes.length % 2)));
    if (utf16 === 'be')
        body.swap16();
    return Buffer.from(body.toString('utf16le'), 'latin1');
}
/** What a file that is no certificate seems to be, when that helps the user (never its content). */
function recognise(bytes, text) {
    if (/^(ssh-(rsa|dss|ed25519)|ecdsa-sha2-nistp\d+|sk-[\w-]+@openssh\.com)(-cert-v01@openssh\.com)? [A-Za-z0-9+/]/.test(text.trimStart())) {
        return 'it is an SSH public key (SSH keys are not X.509 certificates)';
    }
    if (bytes.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')))
        return 'it is a ZIP archive; extract the certificates from it';
    if (bytes[0] === 0x1f && bytes[1] === 0x8b)
        return 'it is gzip-compressed; decompress it';
    return undefined;
}
function topLevelElements(bytes) {
    try {
        return (0,certificates_der/* elementsBetween */.Qt)(bytes, 0, bytes.length);
    }
    catch {
        return undefined;
    }
}
function decodeDer(bytes, elements) {
    const slots = [];
    const problems = [];
    for (const element of elements) {
        if (isPkcs12(bytes, element)) {
            return fileError('is a PKCS#12 (PFX) archive, which can hold private keys; export the CA certificates alone (PEM, DER or PKCS#7) and point `certificates` at those');
        }
        if (isPkcs7(bytes, element)) {
            const bundle = bundleSlots(bytes, element);
            slots.push(...bundle.slots);
            problems.push(...bundle.problems);
        }
        else if (looksLikeCertificate(bytes, element)) {
            slots.push({ der: Buffer.from(bytes.subarray(element.start, element.end)) });
        }
        else {
            slots.push({ error: 'is not a certificate (its DER is no X.509 certificate); remove it or export the certificate again' });
        }
    }
    return { slots, problems };
}
/** Certificate ::= SEQUENCE { tbsCertificate SEQUENCE, ... }; the full check is parsing. */
function looksLikeCertificate(bytes, element) {
    try {
        return element.tag === certificates_der/* TAG_SEQUENCE */.D1 && (0,certificates_der/* childrenOf */.LU)(bytes, element)[0]?.tag === certificates_der/* TAG_SEQUENCE */.D1;
    }
    catch {
        return false;
    }
}
function bundleSlots(bytes, element) {
    const contents = pkcs7Certificates(bytes, element);
    if (contents.kind === 'malformed')
        return fileError('is not a valid PKCS#7 bundle (bad DER); export the bundle again');
    if (contents.kind === 'not-signed-data') {
        return fileError('is a PKCS#7 file without SignedData, so it holds no certificates; export a certificate bundle (.p7b)');
    }
    const problems = [];
    if (contents.certificates.length === 0) {
        problems.push({
            severity: 'error',
            message: 'is a PKCS#7 bundle that holds no certificates; export it with its certificates (e.g. `openssl crl2pkcs7 -nocrl -certfile ca.pem -out ca.p7b`)'
        });
    }
    if (contents.skipped > 0) {
        problems.push({
            severity: 'warning',
            message: `is a PKCS#7 bundle with ${contents.skipped} entries that are not X.509 certificates; they are ignored`
        });
    }
    return { slots: contents.certificates.map((der) => ({ der })), problems };
}
function decodePem(blocks) {
    // A block that decodes to a private key (whatever its label) refuses the file before anything is reported.
    const decoded = blocks.map((block) => (block.complete ? decodePemBody(block.body) : undefined));
    if (decoded.some((der) => der !== undefined && derHoldsPrivateKey(der)))
        return refused();
    const slots = [];
    const problems = [];
    blocks.forEach((block, i) => {
        const der = decoded[i];
        const position = `PEM block ${i + 1}`;
        if (CERTIFICATE_LABELS.has(block.label)) {
            slots.push(certificateSlot(block, der));
        }
        else if (PKCS7_LABELS.has(block.label)) {
            if (!block.complete) {
                problems.push({ severity: 'error', part: position, message: '(PKCS#7) is truncated: it has no END line; copy the whole block' });
            }
            else if (der === undefined) {
                problems.push({ severity: 'error', part: position, message: '(PKCS#7) is not valid base64; export the bundle again' });
            }
            else {
                const element = singleElement(der);
                const bundle = element === undefined || !isPkcs7(der, element)
                    ? fileError('holds a PKCS#7 PEM block that is not a valid PKCS#7 bundle (bad DER); export the bundle again')
                    : bundleSlots(der, element);
                slots.push(...bundle.slots);
                problems.push(...bundle.problems);
            }
        }
        else {
            const what = OTHER_BLOCKS.get(block.label) ?? 'an unsupported PEM block';
            problems.push({ severity: 'error', part: position, message: `is ${what}, not a certificate; remove it from the file` });
        }
    });
    if (slots.length === 0 && problems.length === 0) {
        problems.push({ severity: 'error', message: 'holds no certificate; point `certificates` at certificate files' });
    }
    return { slots, problems };
}
function certificateSlot(block, der) {
    if (!block.complete) {
        return { error: `is truncated: its PEM block has no \`-----END ${block.label}-----\` line; copy the whole certificate` };
    }
    if (der === undefined)
        return { error: 'is not valid PEM (its body is not base64); export the certificate again' };
    if (block.label === 'TRUSTED CERTIFICATE') {
        // OpenSSL's format: the certificate followed by its trust settings (X509_CERT_AUX).
        const certificate = firstElement(der);
        if (certificate === undefined)
            return { error: 'is not a certificate (bad DER); export the certificate again' };
        return {
            der: Buffer.from(der.subarray(certificate.start, certificate.end)),
            warning: 'is an OpenSSL TRUSTED CERTIFICATE: its OpenSSL trust settings are ignored, only the certificate is published'
        };
    }
    if (singleElement(der) === undefined)
        return { error: 'is not a certificate (bad DER); export the certificate again' };
    return { der };
}
function firstElement(der) {
    try {
        return (0,certificates_der/* readElement */.RN)(der, 0);
    }
    catch {
        return undefined;
    }
}
function singleElement(der) {
    const element = firstElement(der);
    return element !== undefined && element.end === der.length ? element : undefined;
}

// EXTERNAL MODULE: ./src/certificates/parse.ts + 3 modules
var parse = __nccwpck_require__(4256);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/certificates/read-file.ts
// Reads one file a pattern matched, defensively: a glob over a workspace can catch anything, and
// no file may hang the run or fill the runner's memory. So: regular files only (a named pipe would
// block a read forever, /dev/zero would never end), the size judged before reading, and the read
// itself bounded, since a file can grow after the check and /proc files report size 0.


// Far above any CA bundle (Mozilla's 140-odd roots take 200 KB); a glob that catches a build
// artefact should fail with a message, not fill the runner's memory.
const MAX_FILE_BYTES = 10 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;
// O_NONBLOCK: opening a named pipe must not wait for a writer (it is refused right after, by
// fstat). It does not change reads of regular files. Windows has no such flag.
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0);
const ONLY_CERTIFICATES = 'point `certificates` at certificate files only';
/** The bytes of `absolute`, or why it cannot be a certificate file (a message that follows its display name). */
async function readCertificateFile(absolute) {
    let handle;
    try {
        handle = await (0,promises_.open)(absolute, OPEN_FLAGS);
    }
    catch (error) {
        return { problem: await unreadable(absolute, error) };
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            return { problem: `is ${fileKind(stats)}, not a regular file; ${ONLY_CERTIFICATES}` };
        if (stats.size > MAX_FILE_BYTES)
            return { problem: tooLarge(stats.size) };
        const chunks = [];
        let total = 0;
        for (;;) {
            const chunk = Buffer.alloc(CHUNK_BYTES);
            const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
            if (bytesRead === 0)
                break;
            total += bytesRead;
            // It grew while being read, or is a /proc-like file that reports size 0.
            if (total > MAX_FILE_BYTES)
                return { problem: tooLarge(total, 'more than ') };
            chunks.push(chunk.subarray(0, bytesRead));
        }
        return { bytes: Buffer.concat(chunks, total) };
    }
    catch (error) {
        return { problem: await unreadable(absolute, error) };
    }
    finally {
        await handle.close();
    }
}
function tooLarge(bytes, qualifier = '') {
    const megabytes = Math.max(1, Math.round(bytes / 1024 / 1024));
    return (`is ${qualifier}${megabytes} MB, too large for a certificate file (the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB, ` +
        `far above any CA bundle), so it was not read; ${ONLY_CERTIFICATES}`);
}
function fileKind(stats) {
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a named pipe (FIFO)';
    if (stats.isSocket())
        return 'a socket';
    if (stats.isCharacterDevice() || stats.isBlockDevice())
        return 'a device';
    return 'not a regular file';
}
async function unreadable(absolute, error) {
    // Not `instanceof Error`: errors from another realm (a VM context, as under jest) would fail it.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
    switch (code) {
        case 'EISDIR':
            return 'is a directory; name the certificate files in it';
        case 'EACCES':
        case 'EPERM':
            return "cannot be read (permission denied); make it readable by the runner's user";
        case 'ELOOP':
            return 'is a symbolic link that loops (it leads back to itself through other links); fix or remove the link';
        case 'ENXIO':
            return `is a socket or a device, not a regular file; ${ONLY_CERTIFICATES}`;
        case 'ENOENT': {
            // The pattern matched it, so it is a link to nothing.
            const target = await (0,promises_.readlink)(absolute).catch(() => undefined);
            return target === undefined
                ? 'no longer exists (it was removed while the action ran); check the steps before this one'
                : `is a symbolic link to ${target}, which does not exist; fix the link or name the file it should point to`;
        }
        default:
            return `cannot be read${code === undefined ? '' : ` (${code})`}; check that it is a regular, readable file`;
    }
}

;// CONCATENATED MODULE: ./src/certificates/load.ts
// Paths and globs -> parsed certificates. Patterns resolve against the workspace (absolute paths
// work too), each file is read once, and every failure becomes a Problem rather than an exception.






const GLOB_CHARACTERS = /[*?[\]{}]/;
// A CA set is at most a few hundred certificates (a PKI holds 250), in a handful of files; a
// pattern that matches more has caught something else (a build tree, a system folder).
const MAX_FILES = 1000;
async function loadCertificates(patterns, workspace) {
    const root = external_node_path_default().resolve(workspace);
    const problems = [];
    const files = [];
    const seen = new Set();
    for (const pattern of patterns.map((p) => p.trim()).filter((p) => p !== '')) {
        const resolved = await resolvePattern(pattern, root);
        if ('problem' in resolved) {
            problems.push(resolved.problem);
            continue;
        }
        for (const absolute of resolved.files) {
            if (seen.has(absolute))
                continue;
            seen.add(absolute);
            files.push({ absolute, display: displayPath(absolute, root) });
        }
    }
    if (files.length > MAX_FILES) {
        problems.push({ severity: 'error', message: `\`certificates\` match ${files.length} files, more than ${MAX_FILES}; ${NARROW}` });
        return { certificates: [], problems };
    }
    // One file at a time: at most one file's bytes (up to MAX_FILE_BYTES) are held at once.
    const loaded = [];
    for (const file of files)
        loaded.push(await loadFile(file));
    return {
        certificates: loaded.flatMap((file) => file.certificates),
        problems: [...problems, ...loaded.flatMap((file) => file.problems)]
    };
}
const NARROW = `a set of CA certificates is a handful of files (a PKI holds at most 250 CAs); narrow the patterns to the CA files, e.g. \`pki/*.crt\``;
async function resolvePattern(pattern, root) {
    const noMatch = (what) => ({
        problem: {
            severity: 'error',
            message: `\`${pattern}\` ${what} in ${root} (paths and globs in \`certificates\` are relative to the workspace); ` +
                `check the path and its case, and that an earlier step created the files${mistakeIn(pattern)}`
        }
    });
    if (!GLOB_CHARACTERS.test(pattern)) {
        const absolute = external_node_path_default().resolve(root, pattern);
        const stats = await (0,promises_.stat)(absolute).catch(() => undefined);
        if (stats !== undefined) {
            if (!stats.isDirectory())
                return { files: [absolute] };
            const display = displayPath(absolute, root);
            return {
                problem: {
                    severity: 'error',
                    message: `${display} is a directory; name the certificate files in it, e.g. \`${external_node_path_default().posix.join(pattern, '*.pem')}\``,
                    file: display
                }
            };
        }
        // Nothing there. A link that leads nowhere (or in a loop) is there, though: reading it says which.
        const link = await (0,promises_.lstat)(absolute).catch(() => undefined);
        return link?.isSymbolicLink() === true ? { files: [absolute] } : noMatch('matches no file');
    }
    const files = [];
    const folders = [];
    for await (const entry of (0,promises_.glob)(pattern, { cwd: root, withFileTypes: true })) {
        const absolute = external_node_path_default().join(entry.parentPath, entry.name);
        // A glob such as `certs/*` also lists folders (and links to folders): they are not what the
        // user meant to publish. A link that leads nowhere stays in, so that it is reported.
        const folder = entry.isDirectory() || (entry.isSymbolicLink() && (await (0,promises_.stat)(absolute).catch(() => undefined))?.isDirectory() === true);
        if (folder)
            folders.push(absolute);
        else
            files.push(absolute);
        if (files.length > MAX_FILES) {
            return { problem: { severity: 'error', message: `\`${pattern}\` matches more than ${MAX_FILES} files; ${NARROW}` } };
        }
    }
    if (files.length === 0 && folders.length > 0) {
        const shown = folders
            .sort()
            .slice(0, 3)
            .map((folder) => displayPath(folder, root));
        return {
            problem: {
                severity: 'error',
                message: `\`${pattern}\` matches only directories (${shown.join(', ')}${folders.length > shown.length ? ', ...' : ''}), no file; ` +
                    `name the certificate files in them, e.g. \`${external_node_path_default().posix.join(pattern, '*.pem')}\``
            }
        };
    }
    if (files.length === 0)
        return noMatch('matches no file');
    // glob yields in directory order, which differs between file systems; sort for stable output.
    return { files: files.sort() };
}
/** A hint for the two ways a pattern goes wrong most, written by hand in YAML. */
function mistakeIn(pattern) {
    if (/^(["']).*\1$/.test(pattern))
        return '; remove the quotes around it (each line of `certificates` is taken as written)';
    if ((external_node_path_default()).sep === '/' && pattern.includes('\\')) {
        return '; write `/` between folders (`\\` separates no folders on Linux and macOS runners)';
    }
    return '';
}
/** Relative to the workspace (with `/`) when inside it, else absolute. */
function displayPath(absolute, root) {
    const relative = external_node_path_default().relative(root, absolute);
    if (relative === '' || relative.startsWith('..') || external_node_path_default().isAbsolute(relative))
        return absolute;
    return relative.split((external_node_path_default()).sep).join('/');
}
async function loadFile(file) {
    const read = await readCertificateFile(file.absolute);
    if ('problem' in read) {
        return { certificates: [], problems: [{ severity: 'error', message: `${file.display} ${read.problem}`, file: file.display }] };
    }
    const decoded = decodeCertificateFile(read.bytes);
    const problems = decoded.problems.map((problem) => ({
        severity: problem.severity,
        message: problem.part === undefined ? `${file.display} ${problem.message}` : `${file.display}: ${problem.part} ${problem.message}`,
        file: file.display
    }));
    const certificates = [];
    const count = decoded.slots.length;
    decoded.slots.forEach((slot, i) => {
        const source = { file: file.display, index: i + 1, count };
        if ('error' in slot) {
            problems.push((0,certificates_location/* certificateProblem */.VP)('error', source, `${(0,certificates_location/* certificateAt */.hK)(source)} ${slot.error}`));
            return;
        }
        if (slot.warning !== undefined)
            problems.push((0,certificates_location/* certificateProblem */.VP)('warning', source, `${(0,certificates_location/* certificateAt */.hK)(source)} ${slot.warning}`));
        try {
            certificates.push((0,parse/* parseCertificate */.hB)(slot.der, source));
        }
        catch (error) {
            if (!(error instanceof parse/* CertificateFormatError */.rW))
                throw error;
            problems.push((0,certificates_location/* certificateProblem */.VP)('error', source, `${(0,certificates_location/* certificateAt */.hK)(source)} is ${error.message}; export the certificate again`));
        }
    });
    return { certificates, problems };
}

;// CONCATENATED MODULE: ./src/certificates/index.ts
// The certificate pipeline: files -> parsed certificates -> validated, enriched CA records.
// It knows nothing of GitHub or Graph, so other tools can reuse it.






// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/constants.ts
var constants = __nccwpck_require__(7242);
;// CONCATENATED MODULE: ./src/outputs.ts

const emptyRecord = () => ({ createdAuthorityIds: [], created: [], updated: [], removed: [] });
/** The `certificates` output item: the CA record without its bytes, every key present. */
function certificateOutput(ca) {
    return {
        thumbprint: ca.thumbprint,
        sha256: ca.sha256,
        subject: ca.subject,
        issuer: ca.issuer,
        issuerSki: ca.issuerSki,
        isRootAuthority: ca.isRootAuthority,
        notBefore: ca.notBefore,
        notAfter: ca.notAfter,
        crlUrl: ca.crlUrl ?? null,
        deltaCrlUrl: ca.deltaCrlUrl ?? null,
        file: ca.file
    };
}
function planOutput(plan) {
    return plan.operations.map((op) => ({ method: op.method, path: op.path, reason: op.reason }));
}
/** Every output as the string the runner stores. */
function outputValues(authorities, plan, record) {
    const unchanged = plan?.authorities.filter((a) => a.status === 'unchanged' || a.status === 'update').map((a) => a.thumbprint) ?? [];
    const values = {
        [constants/* Outputs */.tY.certificates]: JSON.stringify(authorities.map(certificateOutput)),
        [constants/* Outputs */.tY.plan]: JSON.stringify(plan !== undefined ? planOutput(plan) : []),
        [constants/* Outputs */.tY.certificateAuthorityIds]: JSON.stringify(record.createdAuthorityIds),
        [constants/* Outputs */.tY.created]: JSON.stringify(record.created),
        [constants/* Outputs */.tY.removed]: JSON.stringify(record.removed),
        [constants/* Outputs */.tY.unchanged]: JSON.stringify(unchanged)
    };
    const configurationId = record.configurationId ?? plan?.configurationId;
    if (configurationId !== undefined)
        values[constants/* Outputs */.tY.configurationId] = configurationId;
    if (record.backupPath !== undefined)
        values[constants/* Outputs */.tY.backupPath] = record.backupPath;
    return values;
}

// EXTERNAL MODULE: ./src/plan/index.ts + 2 modules
var src_plan = __nccwpck_require__(4626);
// EXTERNAL MODULE: ./src/report.ts
var report = __nccwpck_require__(665);
;// CONCATENATED MODULE: ./src/settings/certificates.ts
// Inputs about the certificates and how they are judged: which files, the CRL URLs given by
// hand, how early an expiry is warned about, and whether warnings fail the run.

const SPACED_THUMBPRINT = /^((?:[0-9a-f]{2}\s+){19}[0-9a-f]{2})(?:\s+(.*))?$/i;
function parseCertificateInputs(p) {
    const certificates = p.lines(constants/* Inputs */.G0.certificates);
    if (certificates.length === 0) {
        p.errors.push(`Input \`${constants/* Inputs */.G0.certificates}\` is required: one path or glob pattern a line, relative to GITHUB_WORKSPACE.`);
    }
    const crlOverrides = parseCrlUrls(p);
    const rawDays = p.read(constants/* Inputs */.G0.minValidityDays);
    let minValidityDays = 30;
    if (rawDays !== '') {
        if (/^\d{1,5}$/.test(rawDays))
            minValidityDays = Number(rawDays);
        else
            p.errors.push(`Input \`${constants/* Inputs */.G0.minValidityDays}\` is "${rawDays}"; give a whole number of days, 0 or more.`);
    }
    return { certificates, crlOverrides, minValidityDays, strict: p.bool(constants/* Inputs */.G0.strict, false) };
}
/**
 * `crl-urls`: `<SHA-1 thumbprint> <CRL URL> [<delta CRL URL>]` a line. Only the shape is checked
 * here; what the values mean (a thumbprint of a given CA, http(s) URLs) is checked with the
 * certificates, in certificates/crl.ts.
 */
function parseCrlUrls(p) {
    const overrides = [];
    p.read(constants/* Inputs */.G0.crlUrls)
        .split('\n')
        .forEach((text, i) => {
        const line = text.trim();
        if (line === '' || line.startsWith('#'))
            return;
        // Windows shows a thumbprint as 20 hex pairs separated by spaces ("a9 09 50 ..."); take it as one field.
        const spaced = SPACED_THUMBPRINT.exec(line);
        const fields = spaced === null ? line.split(/\s+/) : [spaced[1].replace(/\s+/g, ''), ...(spaced[2] ?? '').split(/\s+/).filter((f) => f !== '')];
        const [thumbprint = '', crlUrl = '', deltaCrlUrl] = fields;
        if (fields.length < 2 || fields.length > 3) {
            p.errors.push(`Input \`${constants/* Inputs */.G0.crlUrls}\` line ${i + 1} has ${fields.length} field(s); write \`<SHA-1 thumbprint> <CRL URL> [<delta CRL URL>]\`.`);
            return;
        }
        overrides.push({ thumbprint, crlUrl, ...(deltaCrlUrl !== undefined ? { deltaCrlUrl } : {}) });
    });
    return overrides;
}

;// CONCATENATED MODULE: ./src/settings/input-parser.ts
// The primitives every input group parses with: a raw reader, and checks that collect each bad
// value as a message naming the input and what it accepts, so that all are reported together.

/** Reads inputs the way the runner passes them: INPUT_<NAME> with spaces as `_`, hyphens kept. */
function envInputReader(env) {
    return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
// What core.getBooleanInput accepts (YAML 1.2 core schema booleans).
const TRUE_VALUES = ['true', 'True', 'TRUE'];
const FALSE_VALUES = ['false', 'False', 'FALSE'];
class InputParser {
    /** Bad values; the run stops with all of them. */
    errors = [];
    /** Inputs that were given but do not apply; shown as warnings. */
    warnings = [];
    /** The raw value of an input; `''` when unset. */
    read;
    constructor(read) {
        this.read = read;
    }
    /** One of `values`; empty gives `fallback`, or an error when there is none (a required input). */
    oneOf(name, values, fallback) {
        const raw = this.read(name);
        if (raw === '' && fallback !== undefined)
            return fallback;
        if (values.includes(raw))
            return raw;
        this.errors.push(raw === ''
            ? `Input \`${name}\` is required; accepted values: ${values.join(', ')}.`
            : `Input \`${name}\` is "${raw}"; accepted values: ${values.join(', ')}.`);
        return undefined;
    }
    bool(name, fallback) {
        const raw = this.read(name);
        if (raw === '')
            return fallback;
        if (TRUE_VALUES.includes(raw))
            return true;
        if (FALSE_VALUES.includes(raw))
            return false;
        this.errors.push(`Input \`${name}\` is "${raw}"; accepted values: true or false.`);
        return fallback;
    }
    /** The non-empty lines of a multi-line input, trimmed. */
    lines(name) {
        return this.read(name)
            .split('\n')
            .map((line) => line.trim())
            .filter((line) => line !== '');
    }
    /** An https origin (no path, query or credentials); empty gives `fallback`. */
    origin(name, fallback) {
        const raw = this.read(name);
        if (raw === '')
            return fallback;
        let parsed;
        try {
            parsed = new URL(raw);
        }
        catch {
            this.errors.push(`Input \`${name}\` is "${raw}", which is not a URL; give the https origin, e.g. ${fallback}.`);
            return fallback;
        }
        if (parsed.username !== '' || parsed.password !== '') {
            // Security: the value holds a credential, so it is not echoed. The action signs in with OIDC only.
            this.errors.push(`Input \`${name}\` holds a user name or password; give only the https origin, e.g. ${fallback} ` +
                "(the action signs in with the workflow's OIDC token; replace a password that was committed).");
            return fallback;
        }
        if (parsed.protocol !== 'https:' || (parsed.pathname !== '/' && parsed.pathname !== '') || parsed.search !== '') {
            this.errors.push(`Input \`${name}\` is "${raw}"; give only the https origin, e.g. ${fallback}` +
                (name === constants/* Inputs */.G0.graphUrl ? ' (the API version comes from `api-version`).' : ' (the tenant comes from `tenant-id`).'));
            return fallback;
        }
        return parsed.origin;
    }
}

;// CONCATENATED MODULE: ./src/clouds.ts
// Per-cloud endpoints (graph-api.md §4.1). Tokens are not interchangeable across clouds, so the
// Graph host, the authority host and the scope always come from the same row unless overridden.
const CLOUDS = {
    global: {
        graphUrl: 'https://graph.microsoft.com',
        authorityUrl: 'https://login.microsoftonline.com',
        audience: 'api://AzureADTokenExchange'
    },
    usgov: {
        graphUrl: 'https://graph.microsoft.us',
        authorityUrl: 'https://login.microsoftonline.us',
        audience: 'api://AzureADTokenExchangeUSGov'
    },
    dod: {
        graphUrl: 'https://dod-graph.microsoft.us',
        authorityUrl: 'https://login.microsoftonline.us',
        audience: 'api://AzureADTokenExchangeUSGov'
    },
    china: {
        graphUrl: 'https://microsoftgraph.chinacloudapi.cn',
        authorityUrl: 'https://login.partner.microsoftonline.cn',
        audience: 'api://AzureADTokenExchangeChina'
    }
};
/** Authority hosts MSAL knows by itself; any other needs knownAuthorities + authorityMetadata. */
const PUBLIC_AUTHORITY_HOSTS = new Set([
    'login.microsoftonline.com',
    'login.microsoftonline.us',
    'login.partner.microsoftonline.cn',
    'login.chinacloudapi.cn'
]);

;// CONCATENATED MODULE: ./src/settings/sign-in.ts
// Inputs of the sign-in: credentials, dry-run, cloud and its endpoints. Without credentials a
// dry-run plans offline; anything else needs both ids.


const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
function parseSignIn(p) {
    const dryRun = p.bool(constants/* Inputs */.G0.dryRun, false);
    const tenantId = p.read(constants/* Inputs */.G0.tenantId);
    const clientId = p.read(constants/* Inputs */.G0.clientId);
    if (tenantId !== '' && !GUID.test(tenantId) && !DOMAIN.test(tenantId)) {
        p.errors.push(`Input \`${constants/* Inputs */.G0.tenantId}\` is "${tenantId}"; give the tenant (directory) id as a GUID, or one of its domain names such as contoso.onmicrosoft.com.`);
    }
    if (clientId !== '' && !GUID.test(clientId)) {
        p.errors.push(`Input \`${constants/* Inputs */.G0.clientId}\` is "${clientId}"; give the application (client) id of the app registration, a GUID.`);
    }
    if (!dryRun || tenantId !== '' || clientId !== '') {
        for (const [name, value] of [
            [constants/* Inputs */.G0.tenantId, tenantId],
            [constants/* Inputs */.G0.clientId, clientId]
        ]) {
            if (value === '') {
                p.errors.push(dryRun
                    ? `Input \`${name}\` is missing while the other credential input is set; give both \`tenant-id\` and \`client-id\` to read the tenant, or neither for an offline dry-run.`
                    : `Input \`${name}\` is required to publish; give it, or set \`dry-run: true\` to plan without signing in.`);
            }
        }
    }
    const cloud = p.oneOf(constants/* Inputs */.G0.cloud, Object.keys(CLOUDS), 'global') ?? 'global';
    const endpoints = CLOUDS[cloud];
    return {
        ...(tenantId !== '' && clientId !== '' ? { credentials: { tenantId, clientId } } : {}),
        cloud,
        graphUrl: p.origin(constants/* Inputs */.G0.graphUrl, endpoints.graphUrl),
        authorityUrl: p.origin(constants/* Inputs */.G0.authorityUrl, endpoints.authorityUrl),
        audience: p.read(constants/* Inputs */.G0.audience) || endpoints.audience,
        dryRun
    };
}

;// CONCATENATED MODULE: ./src/settings/target.ts
// Inputs that say which configuration to write and how: the kind, its API version, name and
// description, the mode, and the options that apply to one kind only (warned about elsewhere).

const KINDS = ['organization', 'pki', 'application'];
const MODES = ['sync', 'replace'];
const API_VERSIONS = ['v1.0', 'beta'];
/** `kind` is read first, by the caller: every other input of this group depends on it. */
function parseTarget(p, kind) {
    const defaultVersion = kind === 'application' ? 'beta' : 'v1.0';
    const apiVersion = p.oneOf(constants/* Inputs */.G0.apiVersion, API_VERSIONS, defaultVersion) ?? defaultVersion;
    if (kind === 'application' && apiVersion !== 'beta') {
        p.errors.push(`Input \`${constants/* Inputs */.G0.apiVersion}\` is "${apiVersion}", but \`kind: application\` exists in Graph beta only; set \`api-version: beta\` or leave it empty.`);
    }
    const displayName = parseDisplayName(p, kind);
    const description = p.read(constants/* Inputs */.G0.description);
    if (description !== '' && kind !== 'application') {
        p.warnings.push(`Input \`${constants/* Inputs */.G0.description}\` applies to \`kind: application\` only; it is ignored.`);
    }
    const mode = p.oneOf(constants/* Inputs */.G0.mode, MODES, 'sync') ?? 'sync';
    const allowRecreate = p.bool(constants/* Inputs */.G0.allowRecreate, false);
    if (allowRecreate && kind !== undefined && kind !== 'organization') {
        p.warnings.push(`Input \`${constants/* Inputs */.G0.allowRecreate}\` applies to \`kind: organization\` only; ${kind} configurations are updated in place.`);
    }
    const issuerHints = p.bool(constants/* Inputs */.G0.issuerHints, false);
    if (issuerHints && kind !== undefined && kind !== 'pki') {
        p.warnings.push(`Input \`${constants/* Inputs */.G0.issuerHints}\` applies to \`kind: pki\` only; it is ignored.`);
    }
    return {
        apiVersion,
        ...(displayName !== '' && kind !== 'organization' ? { displayName } : {}),
        ...(description !== '' && kind === 'application' ? { description } : {}),
        mode,
        allowRecreate,
        issuerHints
    };
}
function parseDisplayName(p, kind) {
    const displayName = p.read(constants/* Inputs */.G0.displayName);
    if (kind === 'pki' || kind === 'application') {
        if (displayName === '') {
            p.errors.push(`Input \`${constants/* Inputs */.G0.displayName}\` is required for \`kind: ${kind}\`: it names the ${kind === 'pki' ? 'PKI' : 'application configuration'} to create or update.`);
        }
        else if (displayName.length > 256) {
            p.errors.push(`Input \`${constants/* Inputs */.G0.displayName}\` has ${displayName.length} characters; Graph accepts at most 256, so shorten it.`);
        }
    }
    else if (displayName !== '') {
        p.warnings.push(`Input \`${constants/* Inputs */.G0.displayName}\` is ignored for \`kind: ${kind ?? ''}\`: the tenant trust store has no name.`);
    }
    return displayName;
}

;// CONCATENATED MODULE: ./src/settings.ts
// The one place that reads action inputs: turns them into one typed, validated Settings object.
// Each group of inputs has its own small parser (settings/); every bad value is reported
// together, each naming the input and what it accepts.







function parseSettings(read, env) {
    const p = new InputParser(read);
    const kind = p.oneOf(constants/* Inputs */.G0.kind, KINDS);
    const certificates = parseCertificateInputs(p);
    const signIn = parseSignIn(p);
    const target = parseTarget(p, kind);
    if (p.errors.length > 0 || kind === undefined) {
        const { errors } = p;
        throw new src_errors/* UserError */.y(errors.length === 1 ? errors[0] : `The inputs have ${errors.length} problems:\n- ${errors.join('\n- ')}`);
    }
    const settings = { kind, workspace: env.GITHUB_WORKSPACE || process.cwd(), ...certificates, ...signIn, ...target };
    return { settings, warnings: p.warnings };
}

// EXTERNAL MODULE: ./src/summary.ts
var summary = __nccwpck_require__(8855);
;// CONCATENATED MODULE: ./src/main.ts
// run(): read settings, validate and enrich the CAs, plan, publish (or only plan), set outputs.
// One catch turns any error into a failed step with a message the user can act on.








async function run(env = process.env, now = new Date()) {
    let settings;
    let authorities = [];
    let plan;
    const record = emptyRecord();
    let wrote = false;
    try {
        const parsed = parseSettings(envInputReader(env), env);
        settings = parsed.settings;
        for (const warning of parsed.warnings)
            runner.warning(warning);
        authorities = await prepareAuthorities(settings, now);
        if (settings.credentials === undefined) {
            plan = (0,src_plan/* planPublication */.WW)(authorities, (0,src_plan/* emptyTenant */.oQ)(settings.kind), planOptions(settings, now));
            for (const line of (0,summary/* planLines */.HN)(plan))
                runner.info(line);
            runner.info('Dry run without credentials: the plan assumes an empty tenant; no request was sent.');
            finish({ settings, authorities, plan, outcome: 'Dry run (offline): nothing was sent to Graph.' });
            return;
        }
        // The network stack (MSAL, undici, Graph code) loads only when the run signs in.
        const { publish } = await Promise.all(/* import() */[__nccwpck_require__.e(200), __nccwpck_require__.e(407)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3407));
        const result = await publish(settings, authorities, planOptions(settings, now), record, {
            onPlan: (p) => {
                plan = p;
            },
            onWrite: () => {
                wrote = true;
            }
        });
        finish({ settings, authorities, plan: result.plan, ...(settings.dryRun ? {} : { record }), outcome: result.outcome });
    }
    catch (error) {
        // Once there is a plan, the outputs and the summary tell what this run changed before it stopped.
        if (settings !== undefined && plan !== undefined) {
            const outcome = wrote
                ? `Failed after ${record.created.length} CA(s) added and ${record.removed.length} removed; a re-run reads the tenant and completes the rest.`
                : 'Failed before any write: the tenant is unchanged.';
            try {
                setOutputs(authorities, plan, record);
                writeSummary({ settings, authorities, plan, ...(wrote ? { record } : {}), outcome });
            }
            catch (reportError) {
                runner.warning(`Could not set the outputs: ${reportError instanceof Error ? reportError.message : String(reportError)}`);
            }
        }
        fail(error);
    }
}
function planOptions(settings, now) {
    return {
        kind: settings.kind,
        apiVersion: settings.apiVersion,
        mode: settings.mode,
        now,
        allowRecreate: settings.allowRecreate,
        issuerHints: settings.issuerHints,
        ...(settings.displayName !== undefined ? { displayName: settings.displayName } : {}),
        ...(settings.description !== undefined ? { description: settings.description } : {})
    };
}
/** Loads, validates and enriches the certificates; every problem is reported before it throws. */
async function prepareAuthorities(settings, now) {
    const loaded = await loadCertificates(settings.certificates, settings.workspace);
    const analysis = analyzeCertificates(loaded.certificates, {
        now,
        minValidityDays: settings.minValidityDays,
        crlOverrides: settings.crlOverrides,
        // With credentials, an intermediate's issuer may already be in the tenant's store.
        deferMissingIssuers: settings.credentials !== undefined
    });
    const problems = [...loaded.problems, ...analysis.problems, ...(0,src_plan/* kindLimitProblems */.qj)(settings.kind, analysis.authorities)];
    const counts = (0,report/* reportProblems */.T)(problems, settings.strict, runner);
    if (counts.errors > 0) {
        throw new src_errors/* UserError */.y(`${counts.errors} problem(s) in \`certificates\` (see the annotations above); nothing was sent to Graph.`);
    }
    if (analysis.authorities.length === 0) {
        throw new src_errors/* UserError */.y('`certificates` matched no CA certificate; nothing to publish.');
    }
    runner.info(`${analysis.authorities.length} CA(s) validated: ` +
        analysis.authorities.map((ca) => `${ca.subject} (${ca.isRootAuthority ? 'root' : 'intermediate'}, ${ca.thumbprint})`).join('; '));
    return analysis.authorities;
}
function setOutputs(authorities, plan, record) {
    for (const [name, value] of Object.entries(outputValues(authorities, plan, record)))
        runner.setOutput(name, value);
}
function finish(report) {
    setOutputs(report.authorities, report.plan, report.record ?? emptyRecord());
    runner.info(report.outcome);
    writeSummary(report);
}
/** The job summary; outside a runner (no GITHUB_STEP_SUMMARY) it goes to standard output (runner.ts). */
function writeSummary(report) {
    const { settings, authorities, plan, record, outcome } = report;
    const title = `Entra CA chain: ${settings.kind}${settings.displayName !== undefined ? ` "${settings.displayName}"` : ''}`;
    try {
        runner.appendSummary((0,summary/* summaryMarkdown */.eH)({ title, authorities, plan, ...(record !== undefined ? { record } : {}), outcome }));
    }
    catch (error) {
        runner.warning(`Could not write the job summary: ${String(error)}`);
    }
}
function fail(error) {
    if (error instanceof src_errors/* UserError */.y) {
        runner.setFailed(error.message);
        return;
    }
    // Not the user's doing: keep the stack for the debug log, the message for the annotation.
    const err = error instanceof Error ? error : new Error(String(error));
    runner.debug(err.stack ?? err.message);
    runner.setFailed(`Unexpected error: ${err.message}. Re-run with debug logging (ACTIONS_STEP_DEBUG) and report it with the log.`);
}


/***/ }),

/***/ 8081:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ APPLICATION_MAX_AUTHORITIES),
/* harmony export */   s: () => (/* binding */ planApplication)
/* harmony export */ });
/* harmony import */ var _bodies_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8567);
/* harmony import */ var _organization_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4332);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3935);



/** CAs a configuration holds at most (graph-api.md §3.3). */
const APPLICATION_MAX_AUTHORITIES = 10;
function planApplication(desired, state, options) {
    const displayName = options.displayName ?? '';
    const base = { kind: 'application', apiVersion: options.apiVersion, mode: options.mode };
    if (state.configuration === null) {
        return {
            ...base,
            operations: [
                {
                    action: 'createConfiguration',
                    method: 'POST',
                    path: _paths_js__WEBPACK_IMPORTED_MODULE_1__/* .APPLICATION_CONTAINER */ .dE,
                    reason: `create the application configuration "${displayName}" with ${desired.length} CA(s)`,
                    body: (0,_bodies_js__WEBPACK_IMPORTED_MODULE_2__/* .applicationConfigurationBody */ .ho)(displayName, options.description, desired),
                    schema: 'request.createCertificateBasedApplicationConfiguration'
                }
            ],
            authorities: desired.map((ca) => (0,_organization_js__WEBPACK_IMPORTED_MODULE_0__/* .planned */ .lM)(ca, 'create')),
            problems: []
        };
    }
    const configuration = state.configuration;
    const caPath = (0,_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .APPLICATION_AUTHORITIES */ .X2)(configuration.id);
    const operations = [];
    const problems = [];
    const authorities = [];
    const removed = [];
    if (options.description !== undefined && options.description !== (configuration.description ?? '')) {
        operations.push({
            action: 'updateConfiguration',
            method: 'PATCH',
            path: `${_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .APPLICATION_CONTAINER */ .dE}/${configuration.id}`,
            reason: 'update the description',
            body: { description: options.description },
            schema: 'request.updateCertificateBasedApplicationConfiguration'
        });
    }
    const existing = new Map(state.authorities.map((ca) => [ca.thumbprint, ca]));
    const wanted = new Set(desired.map((ca) => ca.thumbprint));
    const missing = desired.filter((ca) => !existing.has(ca.thumbprint)).sort((a, b) => Number(b.isRootAuthority) - Number(a.isRootAuthority));
    const extras = options.mode === 'replace' ? state.authorities.filter((ca) => !wanted.has(ca.thumbprint)) : [];
    // Simulate the store step by step, so each operation keeps a root and stays within the cap.
    const held = new Map(state.authorities.map((ca) => [ca.thumbprint, ca.isRootAuthority]));
    const roots = () => [...held.values()].filter(Boolean).length;
    const pendingDeletes = [...extras].sort((a, b) => Number(a.isRootAuthority) - Number(b.isRootAuthority));
    const remove = (ca, why) => {
        held.delete(ca.thumbprint);
        operations.push({
            action: 'deleteAuthority',
            method: 'DELETE',
            path: `${caPath}/${ca.id ?? ''}`,
            reason: `remove ${ca.subject ?? ca.thumbprint}: ${why}`,
            thumbprint: ca.thumbprint,
            ...(ca.id !== undefined ? { authorityId: ca.id } : {})
        });
        removed.push((0,_organization_js__WEBPACK_IMPORTED_MODULE_0__/* .plannedExisting */ .ag)(ca, 'remove'));
    };
    // An extra may go early only if a root stays behind.
    const removable = () => pendingDeletes.find((ca) => !ca.isRootAuthority || roots() > 1);
    for (const ca of missing) {
        if (held.size >= APPLICATION_MAX_AUTHORITIES) {
            const victim = removable();
            if (victim !== undefined) {
                pendingDeletes.splice(pendingDeletes.indexOf(victim), 1);
                remove(victim, `not in the given set (mode: replace), first, to stay within ${APPLICATION_MAX_AUTHORITIES} CAs`);
            }
        }
        held.set(ca.thumbprint, ca.isRootAuthority);
        operations.push({
            action: 'createAuthority',
            method: 'POST',
            path: caPath,
            reason: `add ${ca.isRootAuthority ? 'root' : 'intermediate'} ${ca.subject}`,
            body: (0,_bodies_js__WEBPACK_IMPORTED_MODULE_2__/* .applicationAuthorityBody */ .OX)(ca),
            schema: 'request.createCertificateAuthorityAsEntity',
            thumbprint: ca.thumbprint
        });
    }
    for (const ca of desired) {
        const found = existing.get(ca.thumbprint);
        if (found === undefined) {
            authorities.push((0,_organization_js__WEBPACK_IMPORTED_MODULE_0__/* .planned */ .lM)(ca, 'create'));
            continue;
        }
        const flip = found.isRootAuthority !== ca.isRootAuthority && found.id !== undefined;
        if (flip) {
            held.set(ca.thumbprint, ca.isRootAuthority);
            operations.push({
                action: 'updateAuthority',
                method: 'PATCH',
                path: `${caPath}/${found.id ?? ''}`,
                reason: `mark ${ca.subject} as ${ca.isRootAuthority ? 'a root' : 'an intermediate'}`,
                body: { isRootAuthority: ca.isRootAuthority },
                schema: 'request.updateCertificateAuthorityAsEntity',
                thumbprint: ca.thumbprint,
                authorityId: found.id ?? ''
            });
        }
        authorities.push((0,_organization_js__WEBPACK_IMPORTED_MODULE_0__/* .planned */ .lM)(ca, flip ? 'update' : 'unchanged'));
    }
    for (const ca of pendingDeletes)
        remove(ca, 'not in the given set (mode: replace)');
    if (held.size > APPLICATION_MAX_AUTHORITIES) {
        problems.push({
            severity: 'error',
            message: `The application configuration "${displayName}" would hold ${held.size} CAs; Entra allows at most ` +
                `${APPLICATION_MAX_AUTHORITIES}. Use \`mode: replace\` to remove the ones not given, or publish fewer CAs.`
        });
    }
    return { ...base, operations, authorities: [...authorities, ...removed], configurationId: configuration.id, problems };
}


/***/ }),

/***/ 8567:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   I3: () => (/* binding */ organizationConfigurationBody),
/* harmony export */   Is: () => (/* binding */ pkiAuthorityPatch),
/* harmony export */   MJ: () => (/* binding */ pkiAuthorityBody),
/* harmony export */   OX: () => (/* binding */ applicationAuthorityBody),
/* harmony export */   dJ: () => (/* binding */ pkiBody),
/* harmony export */   ho: () => (/* binding */ applicationConfigurationBody)
/* harmony export */ });
/* unused harmony exports organizationAuthorityBody, displayNameOf */
const crlFields = (crlUrl, deltaCrlUrl) => ({
    ...(crlUrl !== undefined ? { certificateRevocationListUrl: crlUrl } : {}),
    ...(deltaCrlUrl !== undefined ? { deltaCertificateRevocationListUrl: deltaCrlUrl } : {})
});
/** request.certificateAuthority: `issuer`/`issuerSki` are computed by the service and read-only. */
function organizationAuthorityBody(entry) {
    return {
        certificate: entry.der.toString('base64'),
        isRootAuthority: entry.isRootAuthority,
        ...crlFields(entry.crlUrl, entry.deltaCrlUrl)
    };
}
/** request.createCertificateBasedAuthConfiguration */
function organizationConfigurationBody(entries) {
    return { certificateAuthorities: entries.map(organizationAuthorityBody) };
}
/** request.createCertificateBasedAuthPki */
function pkiBody(displayName) {
    return { displayName };
}
/**
 * request.createCertificateAuthorityDetail. A direct POST must carry thumbprint and expiration
 * (the service fills them only on `upload`); issuer and SKI are sent too, since whether the
 * service derives them on POST is undocumented (graph-api.md §2.2).
 */
function pkiAuthorityBody(ca, issuerHints) {
    return {
        certificate: ca.der.toString('base64'),
        certificateAuthorityType: ca.isRootAuthority ? 'root' : 'intermediate',
        thumbprint: ca.thumbprint,
        expirationDateTime: ca.notAfter,
        issuer: ca.subject,
        issuerSubjectKeyIdentifier: ca.issuerSki,
        displayName: displayNameOf(ca.subject),
        ...crlFields(ca.crlUrl, ca.deltaCrlUrl),
        isIssuerHintEnabled: issuerHints
    };
}
/** request.updateCertificateAuthorityDetail: only what differs, or undefined when nothing does. */
function pkiAuthorityPatch(ca, existing, issuerHints) {
    const patch = {};
    const type = ca.isRootAuthority ? 'root' : 'intermediate';
    if (ca.isRootAuthority !== existing.isRootAuthority)
        patch.certificateAuthorityType = type;
    if (ca.crlUrl !== undefined && ca.crlUrl !== existing.crlUrl)
        patch.certificateRevocationListUrl = ca.crlUrl;
    if (ca.deltaCrlUrl !== undefined && ca.deltaCrlUrl !== existing.deltaCrlUrl) {
        patch.deltaCertificateRevocationListUrl = ca.deltaCrlUrl;
    }
    if (issuerHints !== (existing.isIssuerHintEnabled ?? false))
        patch.isIssuerHintEnabled = issuerHints;
    return Object.keys(patch).length > 0 ? patch : undefined;
}
/** request.certificateAuthorityAsEntity.inline and request.createCertificateAuthorityAsEntity alike. */
function applicationAuthorityBody(ca) {
    return {
        certificate: ca.der.toString('base64'),
        isRootAuthority: ca.isRootAuthority,
        issuer: ca.subject,
        issuerSubjectKeyIdentifier: ca.issuerSki
    };
}
/** request.createCertificateBasedApplicationConfiguration */
function applicationConfigurationBody(displayName, description, cas) {
    return {
        displayName,
        ...(description !== undefined ? { description } : {}),
        trustedCertificateAuthorities: cas.map(applicationAuthorityBody)
    };
}
/** The CN of a DN when it has one (what the admin centre shows), else the whole DN. */
function displayNameOf(subject) {
    const cn = /(?:^|, )CN=((?:[^,\\]|\\.)*)/.exec(subject)?.[1];
    return (cn ?? subject).replace(/\\(.)/g, '$1').slice(0, 256);
}


/***/ }),

/***/ 4626:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  oQ: () => (/* binding */ emptyTenant),
  qj: () => (/* reexport */ kindLimitProblems),
  WW: () => (/* binding */ planPublication)
});

// EXTERNAL MODULE: ./src/plan/application.ts
var application = __nccwpck_require__(8081);
// EXTERNAL MODULE: ./src/plan/organization.ts
var organization = __nccwpck_require__(4332);
// EXTERNAL MODULE: ./src/plan/paths.ts
var paths = __nccwpck_require__(3935);
// EXTERNAL MODULE: ./src/plan/bodies.ts
var bodies = __nccwpck_require__(8567);
;// CONCATENATED MODULE: ./src/plan/pki.ts



/** CAs a PKI holds at most (graph-api.md §2.4). */
const PKI_MAX_AUTHORITIES = 250;
function planPki(desired, state, options) {
    const displayName = options.displayName ?? '';
    const operations = [];
    const authorities = [];
    const problems = [];
    let pkiId = paths/* PLACEHOLDER */.Kx.pkiId;
    if (state.pki === null) {
        operations.push({
            action: 'createConfiguration',
            method: 'POST',
            path: paths/* PKI_CONTAINER */.RF,
            reason: `create the PKI "${displayName}"`,
            body: (0,bodies/* pkiBody */.dJ)(displayName),
            schema: 'request.createCertificateBasedAuthPki'
        });
    }
    else {
        pkiId = state.pki.id;
    }
    const existing = new Map(state.authorities.map((ca) => [ca.thumbprint, ca]));
    const updates = [];
    for (const ca of desired) {
        const found = existing.get(ca.thumbprint);
        if (found === undefined) {
            operations.push({
                action: 'createAuthority',
                method: 'POST',
                path: (0,paths/* PKI_AUTHORITIES */.rp)(pkiId),
                reason: `add ${ca.isRootAuthority ? 'root' : 'intermediate'} ${ca.subject}`,
                body: (0,bodies/* pkiAuthorityBody */.MJ)(ca, options.issuerHints),
                schema: 'request.createCertificateAuthorityDetail',
                thumbprint: ca.thumbprint
            });
            authorities.push((0,organization/* planned */.lM)(ca, 'create'));
            continue;
        }
        const patch = (0,bodies/* pkiAuthorityPatch */.Is)(ca, found, options.issuerHints);
        if (patch !== undefined && found.id !== undefined) {
            updates.push({
                action: 'updateAuthority',
                method: 'PATCH',
                path: `${(0,paths/* PKI_AUTHORITIES */.rp)(pkiId)}/${found.id}`,
                reason: `update ${Object.keys(patch).join(', ')} of ${ca.subject}`,
                body: patch,
                schema: 'request.updateCertificateAuthorityDetail',
                thumbprint: ca.thumbprint,
                authorityId: found.id
            });
        }
        authorities.push((0,organization/* planned */.lM)(ca, patch === undefined ? 'unchanged' : 'update'));
    }
    operations.push(...updates);
    const wanted = new Set(desired.map((ca) => ca.thumbprint));
    const extras = state.authorities.filter((ca) => !wanted.has(ca.thumbprint));
    const added = authorities.filter((a) => a.status === 'create').length;
    if (options.mode === 'replace') {
        // Extras go after the additions, unless the PKI would overflow on the way: then just enough
        // of them go first (they are unwanted anyway).
        const overflow = Math.max(0, state.authorities.length + added - PKI_MAX_AUTHORITIES);
        const deletes = [];
        for (const ca of extras) {
            if (ca.id === undefined)
                continue;
            deletes.push({
                action: 'deleteAuthority',
                method: 'DELETE',
                path: `${(0,paths/* PKI_AUTHORITIES */.rp)(pkiId)}/${ca.id}`,
                reason: `remove ${ca.subject ?? ca.thumbprint}: not in the given set (mode: replace)` +
                    (deletes.length < overflow ? `, first, to stay within ${PKI_MAX_AUTHORITIES} CAs` : ''),
                thumbprint: ca.thumbprint,
                authorityId: ca.id
            });
            authorities.push((0,organization/* plannedExisting */.ag)(ca, 'remove'));
        }
        const firstAdd = operations.findIndex((op) => op.action === 'createAuthority');
        operations.splice(firstAdd === -1 ? operations.length : firstAdd, 0, ...deletes.slice(0, overflow));
        operations.push(...deletes.slice(overflow));
    }
    else if (state.authorities.length + added > PKI_MAX_AUTHORITIES) {
        const total = state.authorities.length + added;
        problems.push({
            severity: 'error',
            message: `The PKI "${displayName}" would hold ${total} CAs (${state.authorities.length} there, ${added} to add); ` +
                `Entra allows at most ${PKI_MAX_AUTHORITIES} a PKI. Publish fewer CAs, split them over several \`display-name\`s` +
                (extras.length > 0 ? ', or use `mode: replace` to remove the ones not given.' : '.')
        });
    }
    return {
        kind: 'pki',
        apiVersion: options.apiVersion,
        mode: options.mode,
        operations,
        authorities,
        ...(state.pki !== null ? { configurationId: state.pki.id } : {}),
        problems
    };
}

;// CONCATENATED MODULE: ./src/plan/limits.ts


/** Largest CA certificate the PKI store takes ("CA files up to 8 KB"). */
const PKI_MAX_CERTIFICATE_BYTES = 8 * 1024;
function kindLimitProblems(kind, desired) {
    const problems = [];
    if (kind === 'pki') {
        if (desired.length > PKI_MAX_AUTHORITIES) {
            problems.push({
                severity: 'error',
                message: `\`certificates\` gives ${desired.length} CAs; a PKI holds at most ${PKI_MAX_AUTHORITIES}. ` +
                    'Split them over several steps with different `display-name`s.'
            });
        }
        for (const ca of desired) {
            if (ca.der.length > PKI_MAX_CERTIFICATE_BYTES) {
                problems.push({
                    severity: 'error',
                    file: ca.file,
                    message: `${ca.file}: ${ca.subject} is ${ca.der.length} bytes; Entra's PKI store takes CA certificates of ` +
                        `at most ${PKI_MAX_CERTIFICATE_BYTES} bytes (8 KB). Re-issue the CA without the bulky extensions.`
                });
            }
        }
    }
    if (kind === 'application') {
        if (desired.length > application/* APPLICATION_MAX_AUTHORITIES */.e) {
            problems.push({
                severity: 'error',
                message: `\`certificates\` gives ${desired.length} CAs; an application configuration holds 1 to ` +
                    `${application/* APPLICATION_MAX_AUTHORITIES */.e}. Give at most ${application/* APPLICATION_MAX_AUTHORITIES */.e} CAs.`
            });
        }
        if (desired.length > 0 && !desired.some((ca) => ca.isRootAuthority)) {
            problems.push({
                severity: 'error',
                message: 'An application configuration needs at least one root CA, and `certificates` gives none; ' + 'add the root of the chain.'
            });
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./src/plan/index.ts





function planPublication(desired, state, options) {
    switch (state.kind) {
        case 'organization':
            return (0,organization/* planOrganization */.vN)(desired, state, options);
        case 'pki':
            return planPki(desired, state, options);
        case 'application':
            return (0,application/* planApplication */.s)(desired, state, options);
    }
}
/** The tenant as an offline dry-run assumes it: nothing there yet. */
function emptyTenant(kind) {
    switch (kind) {
        case 'organization':
            return { kind, orgId: paths/* PLACEHOLDER */.Kx.orgId, configuration: null };
        case 'pki':
            return { kind, pki: null, authorities: [] };
        case 'application':
            return { kind, configuration: null, authorities: [] };
    }
}


/***/ }),

/***/ 4332:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   ag: () => (/* binding */ plannedExisting),
/* harmony export */   lM: () => (/* binding */ planned),
/* harmony export */   vN: () => (/* binding */ planOrganization)
/* harmony export */ });
/* harmony import */ var _constants_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7242);
/* harmony import */ var _bodies_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8567);
/* harmony import */ var _paths_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3935);



function planOrganization(desired, state, options) {
    const path = (0,_paths_js__WEBPACK_IMPORTED_MODULE_1__/* .ORGANIZATION_CONFIGURATION */ .TW)(state.orgId);
    const base = { kind: 'organization', apiVersion: options.apiVersion, mode: options.mode };
    const create = (entries, reason) => ({
        action: 'createConfiguration',
        method: 'POST',
        path,
        reason,
        body: (0,_bodies_js__WEBPACK_IMPORTED_MODULE_2__/* .organizationConfigurationBody */ .I3)(entries),
        schema: 'request.createCertificateBasedAuthConfiguration'
    });
    if (state.configuration === null) {
        return {
            ...base,
            operations: [create(desired.map(entryOf), `create the tenant trust store with ${count(desired.length)}`)],
            authorities: desired.map((ca) => planned(ca, 'create')),
            problems: []
        };
    }
    const current = state.configuration;
    const existing = new Map(current.authorities.map((ca) => [ca.thumbprint, ca]));
    const wanted = new Set(desired.map((ca) => ca.thumbprint));
    const expired = current.authorities.filter((ca) => ca.notAfter !== undefined && ca.notAfter <= options.now);
    const authorities = [];
    const target = [];
    for (const ca of desired) {
        const found = existing.get(ca.thumbprint);
        // In sync, a CRL URL the store has and the input does not derive is kept, not erased.
        const entry = options.mode === 'sync' && found !== undefined
            ? { ...entryOf(ca), crlUrl: ca.crlUrl ?? found.crlUrl, deltaCrlUrl: ca.deltaCrlUrl ?? found.deltaCrlUrl }
            : entryOf(ca);
        target.push(entry);
        authorities.push(planned(ca, found === undefined ? 'create' : differs(entry, found) ? 'update' : 'unchanged'));
    }
    for (const ca of current.authorities) {
        if (wanted.has(ca.thumbprint))
            continue;
        if (options.mode === 'replace')
            authorities.push(plannedExisting(ca, 'remove'));
        else
            target.push({ ...ca });
    }
    const changed = authorities.some((a) => a.status !== 'unchanged');
    const problems = [];
    const blocking = options.mode === 'sync' ? expired : [];
    for (const ca of blocking) {
        problems.push({
            severity: changed ? 'error' : 'warning',
            message: `The tenant trust store holds an expired CA (${ca.subject ?? ca.thumbprint}, thumbprint ${ca.thumbprint}, ` +
                `expired ${ca.notAfter?.toISOString() ?? ''}). Entra refuses to add CAs while an expired one is in the store; ` +
                'set `mode: replace` to drop it, or remove it in the Entra admin center.'
        });
    }
    if (!changed) {
        return { ...base, operations: [], authorities, configurationId: current.id, problems };
    }
    const tally = (s) => authorities.filter((a) => a.status === s).length;
    const summary = `${tally('create')} to add, ${tally('update')} to update, ${tally('remove')} to remove`;
    const operations = [
        {
            action: 'deleteConfiguration',
            method: 'DELETE',
            path: `${path}/${current.id}`,
            reason: `Graph cannot update the tenant trust store: delete it to create it again (${summary}); a backup is written first`
        },
        create(target, `create the tenant trust store again with ${count(target.length)}`)
    ];
    const refusal = options.allowRecreate
        ? undefined
        : `The tenant trust store must change (${summary}), but Graph cannot update it in place: the action would delete ` +
            'it and create it again, and certificate-based sign-ins fail in between. Set `allow-recreate: true` to allow ' +
            'this (the current configuration is backed up first and restored if the create fails), or use `kind: pki`.';
    return {
        ...base,
        operations,
        authorities,
        configurationId: _constants_js__WEBPACK_IMPORTED_MODULE_0__/* .ORGANIZATION_CONFIGURATION_ID */ .NW,
        problems,
        ...(refusal !== undefined ? { refusal } : {})
    };
}
const count = (n) => `${n} CA${n === 1 ? '' : 's'}`;
function entryOf(ca) {
    return { thumbprint: ca.thumbprint, der: ca.der, isRootAuthority: ca.isRootAuthority, crlUrl: ca.crlUrl, deltaCrlUrl: ca.deltaCrlUrl };
}
function differs(entry, found) {
    return entry.isRootAuthority !== found.isRootAuthority || entry.crlUrl !== found.crlUrl || entry.deltaCrlUrl !== found.deltaCrlUrl;
}
function planned(ca, status) {
    return {
        thumbprint: ca.thumbprint,
        subject: ca.subject,
        isRootAuthority: ca.isRootAuthority,
        notAfter: ca.notAfter,
        ...(ca.crlUrl !== undefined ? { crlUrl: ca.crlUrl } : {}),
        status
    };
}
function plannedExisting(ca, status) {
    return {
        thumbprint: ca.thumbprint,
        subject: ca.subject ?? ca.thumbprint,
        isRootAuthority: ca.isRootAuthority,
        ...(ca.notAfter !== undefined ? { notAfter: ca.notAfter.toISOString() } : {}),
        ...(ca.crlUrl !== undefined ? { crlUrl: ca.crlUrl } : {}),
        status
    };
}


/***/ }),

/***/ 3935:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kx: () => (/* binding */ PLACEHOLDER),
/* harmony export */   RF: () => (/* binding */ PKI_CONTAINER),
/* harmony export */   TW: () => (/* binding */ ORGANIZATION_CONFIGURATION),
/* harmony export */   X2: () => (/* binding */ APPLICATION_AUTHORITIES),
/* harmony export */   dE: () => (/* binding */ APPLICATION_CONTAINER),
/* harmony export */   ki: () => (/* binding */ odataString),
/* harmony export */   rp: () => (/* binding */ PKI_AUTHORITIES)
/* harmony export */ });
// Graph paths per kind (graph-api.md §1.1, §2.1, §3.1), relative to `/{apiVersion}`.
const ORGANIZATION_CONFIGURATION = (orgId) => `/organization/${orgId}/certificateBasedAuthConfiguration`;
const PKI_CONTAINER = '/directory/publicKeyInfrastructure/certificateBasedAuthConfigurations';
const PKI_AUTHORITIES = (pkiId) => `${PKI_CONTAINER}/${pkiId}/certificateAuthorities`;
const APPLICATION_CONTAINER = '/directory/certificateAuthorities/certificateBasedApplicationConfigurations';
const APPLICATION_AUTHORITIES = (configurationId) => `${APPLICATION_CONTAINER}/${configurationId}/trustedCertificateAuthorities`;
/** Stand-ins for ids that exist only once an earlier operation of the same run has created them. */
const PLACEHOLDER = { orgId: '{tenantId}', pkiId: '{pkiId}', configurationId: '{configurationId}' };
/** OData string literal for `$filter`: single quotes are doubled, then the whole is URL-encoded by the caller. */
function odataString(value) {
    return `'${value.replace(/'/g, "''")}'`;
}


/***/ }),

/***/ 665:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   T: () => (/* binding */ reportProblems)
/* harmony export */ });
/** Reports every problem; with `strict`, warnings are reported and counted as errors. */
function reportProblems(problems, strict, annotate) {
    let errors = 0;
    let warnings = 0;
    for (const problem of problems) {
        const properties = problem.file !== undefined ? { file: problem.file } : {};
        const severity = strict && problem.severity === 'warning' ? 'error' : problem.severity;
        if (severity === 'error') {
            errors += 1;
            annotate.error(strict && problem.severity === 'warning' ? `${problem.message} (an error because \`strict\` is true)` : problem.message, properties);
        }
        else if (severity === 'warning') {
            warnings += 1;
            annotate.warning(problem.message, properties);
        }
        else {
            annotate.notice(problem.message, properties);
        }
    }
    return { errors, warnings };
}


/***/ }),

/***/ 4813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   appendSummary: () => (/* binding */ appendSummary),
/* harmony export */   debug: () => (/* binding */ debug),
/* harmony export */   error: () => (/* binding */ error),
/* harmony export */   info: () => (/* binding */ info),
/* harmony export */   notice: () => (/* binding */ notice),
/* harmony export */   setFailed: () => (/* binding */ setFailed),
/* harmony export */   setOutput: () => (/* binding */ setOutput),
/* harmony export */   setSecret: () => (/* binding */ setSecret),
/* harmony export */   warning: () => (/* binding */ warning)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_2__);
// The GitHub Actions runner protocol, the part this action speaks: log lines, workflow commands
// (annotations, masking, debug), outputs through GITHUB_OUTPUT and the job summary through
// GITHUB_STEP_SUMMARY. @actions/core implements the same, but its entry module loads its OIDC
// client (@actions/http-client and a second undici) at start-up, which more than doubled the
// cold start of a dry-run; this module loads nothing. Tests hold it to @actions/core's output,
// byte for byte.



// The runner's names for the annotation properties.
const PROPERTY_NAMES = {
    title: 'title',
    file: 'file',
    line: 'line',
    endLine: 'endLine',
    col: 'col',
    endColumn: 'endColumn'
};
/** Command data: `%`, CR and LF are percent-encoded so a message stays on one command line. */
const escapeData = (text) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Property values also encode the separators `:` and `,`. */
const escapeProperty = (text) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
function command(name, properties, message) {
    const props = Object.entries(properties)
        .filter((entry) => entry[1] !== undefined && entry[1] !== '')
        .map(([key, value]) => `${key}=${escapeProperty(String(value))}`);
    process.stdout.write(`::${name}${props.length > 0 ? ` ${props.join(',')}` : ''}::${escapeData(message)}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
function annotation(name, message, properties = {}) {
    const props = {};
    for (const key of Object.keys(PROPERTY_NAMES))
        props[PROPERTY_NAMES[key]] = properties[key];
    command(name, props, message);
}
function info(message) {
    process.stdout.write(`${message}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`);
}
/** Run by hand (`node dist/index.js`) rather than as a step of a job (GITHUB_ACTIONS=true). */
const outsideRunner = () => process.env.GITHUB_ACTIONS !== 'true';
/** Shown only when the run has debug logging on (ACTIONS_STEP_DEBUG); outside a runner, only with RUNNER_DEBUG=1. */
function debug(message) {
    if (outsideRunner() && process.env.RUNNER_DEBUG !== '1')
        return;
    command('debug', {}, message);
}
const error = (message, properties) => annotation('error', message, properties);
const warning = (message, properties) => annotation('warning', message, properties);
const notice = (message, properties) => annotation('notice', message, properties);
/**
 * Asks the runner to replace the value with *** in every later log line. Outside a runner nothing
 * would mask it, so the command (which holds the secret) is not printed at all.
 */
function setSecret(secret) {
    if (outsideRunner())
        return;
    command('add-mask', {}, secret);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}
// Outside a runner (run by hand, `node dist/index.js`) GITHUB_OUTPUT and GITHUB_STEP_SUMMARY are
// not set: outputs and the summary then go to standard output, each variable said once.
const saidMissing = new Set();
/** Appends to the file a runner file command names; not set → returns false, having said so once. */
function appendToRunnerFile(variable, text) {
    const file = process.env[variable];
    if (!file) {
        if (!saidMissing.has(variable))
            info(`${variable} is not set (not a GitHub Actions runner): writing to standard output instead.`);
        saidMissing.add(variable);
        return false;
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(file))
        throw new Error(`${variable} names ${file}, which does not exist`);
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.appendFileSync)(file, text, { encoding: 'utf8' });
    return true;
}
/** An output of the step: `name<<delimiter`, the value, the delimiter, in GITHUB_OUTPUT; outside a runner, `output name=value`. */
function setOutput(name, value) {
    const delimiter = `ghadelimiter_${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomUUID)()}`;
    if (name.includes(delimiter) || value.includes(delimiter))
        throw new Error(`An output may not contain ${delimiter}`);
    if (!appendToRunnerFile('GITHUB_OUTPUT', `${name}<<${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${value}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}${delimiter}${node_os__WEBPACK_IMPORTED_MODULE_2__.EOL}`))
        info(`output ${name}=${value}`);
}
/** Adds Markdown to the job summary; outside a runner, prints it. */
function appendSummary(markdown) {
    if (!appendToRunnerFile('GITHUB_STEP_SUMMARY', markdown))
        info(markdown.endsWith(node_os__WEBPACK_IMPORTED_MODULE_2__.EOL) ? markdown.slice(0, -node_os__WEBPACK_IMPORTED_MODULE_2__.EOL.length) : markdown);
}


/***/ }),

/***/ 8855:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   HN: () => (/* binding */ planLines),
/* harmony export */   eH: () => (/* binding */ summaryMarkdown)
/* harmony export */ });
/* unused harmony export displayStatus */
const cell = (text) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
/** What happened to a CA: in a dry-run, everything that would change is "planned". */
function displayStatus(authority, record, applied) {
    if (authority.status === 'unchanged')
        return 'unchanged';
    if (!applied || record === undefined)
        return 'planned';
    const done = { create: record.created, remove: record.removed, update: record.updated }[authority.status];
    if (!done.includes(authority.thumbprint))
        return 'not done';
    return { create: 'created', remove: 'removed', update: 'updated' }[authority.status];
}
function summaryMarkdown(input) {
    const { plan, record } = input;
    const applied = record !== undefined;
    const byThumbprint = new Map(input.authorities.map((ca) => [ca.thumbprint, ca]));
    const lines = [
        `## ${input.title}`,
        '',
        input.outcome,
        '',
        '| Subject | Role | Thumbprint (SHA-1) | Expires | CRL URL | Status |',
        '|---|---|---|---|---|---|'
    ];
    for (const authority of plan.authorities) {
        const crl = authority.crlUrl ?? byThumbprint.get(authority.thumbprint)?.crlUrl;
        lines.push(`| ${cell(authority.subject)} | ${authority.isRootAuthority ? 'root' : 'intermediate'} | \`${authority.thumbprint}\` | ` +
            `${authority.notAfter?.slice(0, 10) ?? ''} | ${crl !== undefined ? cell(crl) : '(none)'} | ${displayStatus(authority, record, applied)} |`);
    }
    lines.push('', `### Plan: ${plan.operations.length === 0 ? 'nothing to change' : `${plan.operations.length} Graph operation(s)`}`, '');
    if (plan.operations.length > 0) {
        lines.push('| # | Method | Path | Reason |', '|---|---|---|---|');
        plan.operations.forEach((op, i) => lines.push(`| ${i + 1} | ${op.method} | \`/${plan.apiVersion}${op.path}\` | ${cell(op.reason)} |`));
    }
    if (plan.refusal !== undefined)
        lines.push('', `> **Not carried out:** ${cell(plan.refusal)}`);
    return `${lines.join('\n')}\n`;
}
/** The plan as log lines. */
function planLines(plan) {
    const head = `Plan for kind ${plan.kind} (${plan.apiVersion}, mode ${plan.mode}): ` +
        (plan.operations.length === 0 ? 'nothing to change.' : `${plan.operations.length} Graph operation(s):`);
    return [head, ...plan.operations.map((op, i) => `  ${i + 1}. ${op.method} /${plan.apiVersion}${op.path}  (${op.reason})`)];
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 6982:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("crypto");

/***/ }),

/***/ 9896:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("fs");

/***/ }),

/***/ 8611:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("http");

/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 99:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:sqlite");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 7830:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream/web");

/***/ }),

/***/ 7997:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers");

/***/ }),

/***/ 8500:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 4547:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("path");

/***/ }),

/***/ 2203:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("stream");

/***/ }),

/***/ 9023:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("util");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		id: moduleId,
/******/ 		loaded: false,
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Flag the module as loaded
/******/ 	module.loaded = true;
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/node module decorator */
/******/ (() => {
/******/ 	__nccwpck_require__.nmd = (module) => {
/******/ 		module.paths = [];
/******/ 		if (!module.children) module.children = [];
/******/ 		return module;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(9407);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
