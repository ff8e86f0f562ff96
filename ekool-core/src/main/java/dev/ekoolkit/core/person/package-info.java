/**
 * Estonian personal codes (isikukood): checksum, birth date, sex and generators of valid codes for test users.
 */
package dev.ekoolkit.core.person;
