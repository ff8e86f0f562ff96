package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.mock.internal.Params;

import java.util.List;
import java.util.Objects;

/**
 * What a login-form parser answers: the typed form ({@link Ok}) or the first rule the post breaks
 * ({@link Refused}), so that a handler parses, then decides, then answers.
 *
 * @param <T> the typed form
 */
sealed interface FormResult<T> permits FormResult.Ok, FormResult.Refused {

    /**
     * The typed form, or the refusal thrown for the error mapping to answer (an HTML error page).
     *
     * @return the form
     * @throws EkoolOAuthException the refusal's error, description and status
     */
    T orThrow();

    /**
     * A post that keeps every rule of its form.
     *
     * @param value the typed form
     * @param <T>   the typed form
     */
    record Ok<T>(T value) implements FormResult<T> {

        /** Requires the value. */
        public Ok {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public T orThrow() {
            return value;
        }
    }

    /**
     * A post that breaks a rule of its form: the OAuth error code, the description naming the field, the rule and
     * what was received (never a secret), and the HTTP status.
     *
     * @param error       the OAuth error code, such as {@code invalid_request}
     * @param description what is wrong, for a developer
     * @param status      the HTTP status of the error page
     * @param <T>         the typed form the post was meant to be
     */
    record Refused<T>(String error, String description, int status) implements FormResult<T> {

        /**
         * The refusal for a parameter sent more than once, in the words of {@link Params#repeated(String, int)}.
         *
         * @param form the posted parameters
         * @param name the parameter's name
         * @param <T>  the typed form
         * @return the refusal, or {@code null} when {@code name} was sent at most once
         */
        static <T> Refused<T> ifRepeated(Params form, String name) {
            List<String> values = form.asMap().get(name);
            if (values == null || values.size() < 2) {
                return null;
            }
            EkoolOAuthException e = Params.repeated(name, values.size());
            return new Refused<>(e.error(), e.errorDescription(), e.httpStatus());
        }

        /**
         * The same refusal, for a form that contains the one refused.
         *
         * @param <U> the containing form
         * @return this refusal, typed for the containing form
         */
        <U> Refused<U> as() {
            return new Refused<>(error, description, status);
        }

        @Override
        public T orThrow() {
            throw new EkoolOAuthException(error, description, status);
        }
    }
}
