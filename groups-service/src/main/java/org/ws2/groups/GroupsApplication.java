package org.ws2.groups;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The groups that implement WS2 recommendations, and their hierarchy. */
@SpringBootApplication
public class GroupsApplication {

    public static void main(String[] args) {
        SpringApplication.run(GroupsApplication.class, args);
    }
}
