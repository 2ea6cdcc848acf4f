package io.crosspatch.identity.web;

import java.io.IOException;

/** The request body went over the limit while being read (a chunked body without a Content-Length). */
class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(int limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
