package dev.ekoolkit.core.client;

import dev.ekoolkit.core.client.ClientRegistrationException.Problem;
import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.core.scope.Scope;
import dev.ekoolkit.core.scope.Scopes;

import java.util.ArrayList;
import java.util.List;

/**
 * What eKool's help article asks for to create an OAuth client: the institution or company, the
 * responsible person's first name, surname, e-mail and telephone, the purpose, the redirect URI(s)
 * (RFC 6749 §3.1.2) and the requested scopes (RFC 6749 §3.3). {@link #email()} renders the plain-text
 * e-mail to {@code help@ekool.eu} that a team can send as is.
 *
 * <pre>{@code
 * RegistrationEmail mail = ClientRegistrationRequest.builder()
 *         .organisation("Tartu Example School")
 *         .responsiblePerson("Mari", "Maasikas", "mari.maasikas@example.ee", "+372 5123 4567")
 *         .purpose("Sign-in with eKool for our school library app.")
 *         .redirectUri("https://library.example.ee/oauth2/callback")
 *         .build()
 *         .email();
 * }</pre>
 *
 * <p>Surrounding whitespace of every text field is removed; then every field is checked and all
 * problems are reported at once in a {@link ClientRegistrationException}. The {@code purpose} may span
 * several lines; every other text field is one line.
 *
 * @param organisation the institution or company name, at most 200 characters
 * @param firstName    the responsible person's first name, at most 100 characters
 * @param surname      the responsible person's surname, at most 100 characters
 * @param emailAddress the responsible person's e-mail address, {@code local@domain.tld}, at most 254 characters
 * @param phone        the responsible person's phone in international format, {@code +} and 7 to 15 digits
 * @param purpose      what the authorization is used for, at most 2000 characters
 * @param redirectUris the redirect URIs to register, at least one, without repeats
 * @param scopes       the requested scopes, at least one
 */
public record ClientRegistrationRequest(String organisation, String firstName, String surname, String emailAddress,
                                        String phone, String purpose, List<RedirectUri> redirectUris, Scopes scopes) {

    /** The address eKool's help article says to write to: {@code help@ekool.eu}. */
    public static final String HELP_ADDRESS = "help@ekool.eu";
    /** The most characters an organisation name may have: 200. */
    public static final int MAX_ORGANISATION_LENGTH = 200;
    /** The most characters a first name or surname may have: 100. */
    public static final int MAX_NAME_LENGTH = 100;
    /** The most characters an e-mail address may have: 254 (RFC 5321 §4.5.3.1.3 and its errata). */
    public static final int MAX_EMAIL_LENGTH = 254;
    /** The most characters a purpose may have: 2000. */
    public static final int MAX_PURPOSE_LENGTH = 2000;

    /**
     * Strips surrounding whitespace, checks every field and copies the list.
     *
     * @param organisation the institution or company name, at most 200 characters
     * @param firstName the responsible person's first name, at most 100 characters
     * @param surname the responsible person's surname, at most 100 characters
     * @param emailAddress the responsible person's e-mail address, {@code local@domain.tld}, at most 254 characters
     * @param phone the responsible person's phone in international format, {@code +} and 7 to 15 digits
     * @param purpose what the authorization is used for, at most 2000 characters
     * @param redirectUris the redirect URIs to register, at least one, without repeats
     * @param scopes the scopes
     * @throws ClientRegistrationException {@code invalid_request} listing every problem, in field order
     */
    public ClientRegistrationRequest {
        organisation = RegistrationRules.strip(organisation);
        firstName = RegistrationRules.strip(firstName);
        surname = RegistrationRules.strip(surname);
        emailAddress = RegistrationRules.strip(emailAddress);
        phone = RegistrationRules.strip(phone);
        purpose = purpose == null ? null : RegistrationRules.strip(purpose.replace("\r\n", "\n"));
        List<Problem> problems = RegistrationRules.textProblems(organisation, firstName, surname, emailAddress, phone, purpose);
        problems.addAll(RegistrationRules.redirectProblems(redirectUris));
        problems.addAll(RegistrationRules.scopeProblems(scopes));
        if (!problems.isEmpty()) {
            throw new ClientRegistrationException(problems);
        }
        redirectUris = List.copyOf(redirectUris);
    }

    /**
     * A builder whose scopes default to {@code users-basic}.
     *
     * @return a builder whose scopes default to {@code users-basic}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The e-mail to {@code help@ekool.eu} that asks for a client, listing every field the help article asks for.
     *
     * @return the e-mail to {@code help@ekool.eu} that asks for a client, listing every field the help article asks for
     */
    public RegistrationEmail email() {
        StringBuilder body = new StringBuilder();
        body.append("Hello,\n\n");
        body.append("We would like to request OAuth 2.0 client access data (client_id, client_secret and available\n");
        body.append("scopes) for the eKool API.\n\n");
        body.append("Institution or company: ").append(organisation).append('\n');
        body.append("Responsible person: ").append(firstName).append(' ').append(surname).append('\n');
        body.append("E-mail: ").append(emailAddress).append('\n');
        body.append("Telephone: ").append(phone).append('\n');
        body.append('\n');
        body.append("Purpose of authorization usage:\n").append(purpose).append('\n');
        body.append('\n');
        body.append(redirectUris.size() == 1 ? "Redirect URI:\n" : "Redirect URIs:\n");
        redirectUris.forEach(uri -> body.append("- ").append(uri.value()).append('\n'));
        body.append('\n');
        body.append(scopes.size() == 1 ? "Requested scope:\n" : "Requested scopes:\n");
        scopes.forEach(scope -> body.append("- ").append(scope.value()).append('\n'));
        body.append('\n');
        body.append("Please send the client_id, client_secret and available scopes to ").append(emailAddress).append(".\n");
        body.append('\n');
        body.append("Kind regards,\n");
        body.append(firstName).append(' ').append(surname).append('\n');
        body.append(organisation).append('\n');
        return new RegistrationEmail(HELP_ADDRESS, "eKool API client request: " + organisation, body.toString());
    }

    /** The organisation, person, redirect URIs and scopes; the e-mail address and phone are masked. */
    @Override
    public String toString() {
        return "ClientRegistrationRequest[organisation=" + organisation + ", firstName=" + firstName
                + ", surname=" + surname + ", emailAddress=***, phone=***, redirectUris=" + redirectUris
                + ", scopes=" + scopes + "]";
    }

    /** Collects a request's fields; {@link #build()} checks them all at once. */
    public static final class Builder {

        private String organisation;
        private String firstName;
        private String surname;
        private String emailAddress;
        private String phone;
        private String purpose;
        private final List<Object> redirectUris = new ArrayList<>();
        private Object scopes = Scopes.of(Scope.USERS_BASIC);

        private Builder() {
        }

        /**
         * Sets the institution or company name.
         *
         * @param organisation the institution or company name, at most 200 characters
         * @return this builder
         */
        public Builder organisation(String organisation) {
            this.organisation = organisation;
            return this;
        }

        /**
         * Sets all four details of the responsible person at once.
         *
         * @param firstName the responsible person's first name, at most 100 characters
         * @param surname the responsible person's surname, at most 100 characters
         * @param emailAddress the responsible person's e-mail address, {@code local@domain.tld}, at most 254 characters
         * @param phone the responsible person's phone in international format, {@code +} and 7 to 15 digits
         * @return this builder
         */
        public Builder responsiblePerson(String firstName, String surname, String emailAddress, String phone) {
            return firstName(firstName).surname(surname).emailAddress(emailAddress).phone(phone);
        }

        /**
         * Sets the responsible person's first name.
         *
         * @param firstName the responsible person's first name, at most 100 characters
         * @return this builder
         */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /**
         * Sets the responsible person's surname.
         *
         * @param surname the responsible person's surname, at most 100 characters
         * @return this builder
         */
        public Builder surname(String surname) {
            this.surname = surname;
            return this;
        }

        /**
         * Sets the responsible person's e-mail address.
         *
         * @param emailAddress the responsible person's e-mail address, {@code local@domain.tld}, at most 254 characters
         * @return this builder
         */
        public Builder emailAddress(String emailAddress) {
            this.emailAddress = emailAddress;
            return this;
        }

        /**
         * Sets the responsible person's phone number in international format, such as {@code +372 5123 4567}.
         *
         * @param phone the responsible person's phone in international format, {@code +} and 7 to 15 digits
         * @return this builder
         */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /**
         * Sets what the authorization is used for; may span several lines.
         *
         * @param purpose what the authorization is used for, at most 2000 characters
         * @return this builder
         */
        public Builder purpose(String purpose) {
            this.purpose = purpose;
            return this;
        }

        /**
         * Adds a redirect URI given as text; it is checked by {@link #build()} as {@link RedirectUri#parse(String)} does.
         *
         * @param redirectUri the redirect URI
         * @return this builder
         */
        public Builder redirectUri(String redirectUri) {
            redirectUris.add(redirectUri == null ? NullEntry.INSTANCE : redirectUri);
            return this;
        }

        /**
         * Adds a redirect URI.
         *
         * @param redirectUri the redirect URI
         * @return this builder
         */
        public Builder redirectUri(RedirectUri redirectUri) {
            redirectUris.add(redirectUri == null ? NullEntry.INSTANCE : redirectUri);
            return this;
        }

        /**
         * Sets the requested scopes, replacing the default {@code users-basic}.
         *
         * @param scopes the scopes
         * @return this builder
         */
        public Builder scopes(Scopes scopes) {
            this.scopes = scopes == null ? NullEntry.INSTANCE : scopes;
            return this;
        }

        /**
         * Sets the requested scopes from their space-separated wire form (RFC 6749 §3.3), checked by {@link #build()}.
         *
         * @param wire the text as received from outside, possibly {@code null}; nothing is trimmed
         * @return this builder
         */
        public Builder scopes(String wire) {
            this.scopes = wire == null ? NullEntry.INSTANCE : wire;
            return this;
        }

        /**
         * The request, when every field is valid.
         *
         * @return the request, when every field is valid
         * @throws ClientRegistrationException {@code invalid_request} listing every problem, in field order
         */
        public ClientRegistrationRequest build() {
            List<Problem> problems = RegistrationRules.textProblems(RegistrationRules.strip(organisation), RegistrationRules.strip(firstName), RegistrationRules.strip(surname), RegistrationRules.strip(emailAddress),
                    RegistrationRules.strip(phone), purpose == null ? null : RegistrationRules.strip(purpose.replace("\r\n", "\n")));

            List<RedirectUri> parsedUris = new ArrayList<>();
            List<Problem> uriProblems = new ArrayList<>();
            for (int i = 0; i < redirectUris.size(); i++) {
                Object entry = redirectUris.get(i);
                if (entry instanceof RedirectUri uri) {
                    parsedUris.add(uri);
                } else if (entry instanceof String text) {
                    try {
                        parsedUris.add(RedirectUri.parse(text));
                    } catch (EkoolOAuthException e) {
                        uriProblems.add(new Problem("redirect_uris", "redirect_uris entry " + (i + 1) + ": "
                                + e.errorDescription()));
                    }
                } else {
                    uriProblems.add(RegistrationRules.nullRedirectUri(i));
                }
            }
            problems.addAll(uriProblems.isEmpty() ? RegistrationRules.redirectProblems(parsedUris) : uriProblems);

            Scopes parsedScopes = scopes instanceof Scopes s ? s : null;
            if (scopes instanceof String wire) {
                try {
                    parsedScopes = Scopes.parse(wire);
                    problems.addAll(RegistrationRules.scopeProblems(parsedScopes));
                } catch (EkoolOAuthException e) {
                    problems.add(new Problem("scopes", e.errorDescription()));
                }
            } else {
                problems.addAll(RegistrationRules.scopeProblems(parsedScopes));
            }

            if (!problems.isEmpty()) {
                throw new ClientRegistrationException(problems);
            }
            return new ClientRegistrationRequest(organisation, firstName, surname, emailAddress, phone, purpose,
                    parsedUris, parsedScopes);
        }
    }

    /** Marks a {@code null} given to the builder, so that {@link Builder#build()} can report it in order. */
    private enum NullEntry { INSTANCE }
}
