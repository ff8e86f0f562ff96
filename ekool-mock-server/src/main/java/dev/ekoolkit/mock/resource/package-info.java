/**
 * {@code GET /user/me/basic}, the {@code users-basic} profile, behind bearer tokens (RFC 6750).
 */
package dev.ekoolkit.mock.resource;
