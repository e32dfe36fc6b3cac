package dk.enplan.notice;

import dk.enplan.notice.Notice.RecipientKind;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;

/** Records the notices a course sends; delivery to the recipients' systems is the distribution feature's job. */
@Service
public class Notices {

  private final NoticeRepository repository;

  Notices(NoticeRepository repository) {
    this.repository = repository;
  }

  public Notice send(String courseId, RecipientKind kind, String recipient, String subject, String body) {
    Instant now = ClockUtil.getCurrentTime().toInstant();
    return repository.save(new Notice(courseId, kind, recipient, subject, body, now));
  }

  public List<Notice> forCourse(String courseId) {
    return repository.findByCourseIdOrderById(courseId);
  }
}
