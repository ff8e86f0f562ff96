package dev.ekoolkit.mock.authorize;

import dev.ekoolkit.core.error.EkoolOAuthException;
import dev.ekoolkit.mock.internal.Params;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

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
     * Continues parsing with the typed form; a refusal stays the same refusal.
     *
     * @param next what parses the rest, given the typed form
     * @param <U>  the form {@code next} parses
     * @return what {@code next} answers, or this refusal
     */
    <U> FormResult<U> then(Function<T, FormResult<U>> next);

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

        @Override
        public <U> FormResult<U> then(Function<T, FormResult<U>> next) {
            return next.apply(value);
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
         * The refusal for the first of {@code names} sent more than once, in the words of
         * {@link Params#repeated(String, int)}.
         *
         * @param form  the posted parameters
         * @param names the parameters' names, in the order they are read
         * @param <T>   the typed form
         * @return the refusal, or {@code null} when each of {@code names} was sent at most once
         */
        static <T> Refused<T> ifRepeated(Params form, String... names) {
            for (String name : names) {
                List<String> values = form.asMap().get(name);
                if (values != null && values.size() > 1) {
                    EkoolOAuthException e = Params.repeated(name, values.size());
                    return new Refused<>(e.error(), e.errorDescription(), e.httpStatus());
                }
            }
            return null;
        }

        @Override
        public T orThrow() {
            throw new EkoolOAuthException(error, description, status);
        }

        @Override
        public <U> FormResult<U> then(Function<T, FormResult<U>> next) {
            return new Refused<>(error, description, status);
        }
    }
}
