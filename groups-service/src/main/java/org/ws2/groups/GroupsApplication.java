package org.ws2.groups;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.ws2.service.openapi.ApiReference;

/** The groups that implement WS2 recommendations, and their hierarchy. */
@OpenAPIDefinition(info = @Info(title = "WS2 groups and assignments API", version = "1",
        description = "The groups that implement WS2 recommendations (Board, SO/ACs, GNSO stakeholder groups and "
                + "constituencies, RALOs, cross-community structures, ICANN org functions) and their assignments: "
                + "support staff triage recommendations to groups and ask for sign-off; each group signs off, sets "
                + "priority : effort : urgency, approves its priorities and reports progress (docs/assignment-"
                + "workflow.md); a group's stage is derived in the Q2 2021 update's words. "
                + ApiReference.CONVENTIONS))
@SpringBootApplication
public class GroupsApplication {

    public static void main(String[] args) {
        SpringApplication.run(GroupsApplication.class, args);
    }
}
