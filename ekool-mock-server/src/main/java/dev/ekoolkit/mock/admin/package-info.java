/**
 * The mock-only {@code /__admin} JSON API: HTTP mapped onto {@link dev.ekoolkit.mock.api.MockControl}, behind
 * the {@link dev.ekoolkit.mock.admin.AdminGuard}.
 */
package dev.ekoolkit.mock.admin;
