package org.ws2.web.apidocs;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Swagger UI (a WebJar) over every service's OpenAPI document, each read through the gateway. */
@Controller
class ApiReferencePage {

    @GetMapping("/api-docs")
    String reference() {
        return "api-docs";
    }
}
