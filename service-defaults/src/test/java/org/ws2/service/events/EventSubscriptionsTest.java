package org.ws2.service.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.ws2.contracts.CloudEvent;
import org.ws2.contracts.EventFamily;
import org.ws2.contracts.group.GroupEvent;
import org.ws2.contracts.group.GroupEvents.Registered;

class EventSubscriptionsTest {

    static class GroupNames {
        @AppliesEvents("test.group-names")
        void apply(GroupEvent event, CloudEvent envelope) {
        }
    }

    static class Misdeclared {
        @AppliesEvents("test.misdeclared")
        void apply(Registered event, CloudEvent envelope) {
        }
    }

    @Test
    void aMarkedMethodReadsItsFamilysTopicUnderItsConsumerName() {
        var beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("groupNames", new RootBeanDefinition(GroupNames.class));
        beans.registerBeanDefinition("unrelated", new RootBeanDefinition(String.class));

        var subscriptions = new EventSubscriptions(beans, null, null, "test-service").subscriptions();

        assertThat(subscriptions).singleElement().satisfies(subscription -> {
            assertThat(subscription.name()).isEqualTo("test.group-names");
            assertThat(subscription.family()).isEqualTo(EventFamily.GROUPS);
        });
    }

    @Test
    void aMethodTakingOneEventRecordInsteadOfTheFamilyStopsStartUp() {
        var beans = new DefaultListableBeanFactory();
        beans.registerBeanDefinition("misdeclared", new RootBeanDefinition(Misdeclared.class));

        assertThatThrownBy(() -> new EventSubscriptions(beans, null, null, "test-service").subscriptions())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("(<event family>, CloudEvent)");
    }
}
